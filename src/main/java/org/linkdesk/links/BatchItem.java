package org.linkdesk.links;

import org.linkdesk.core.sign.LinkOptions;

/** One object of a batch and the options of its link. */
public record BatchItem(String bucket, String key, LinkOptions options) {
}
