package org.linkdesk.links;

import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.PresignedUrl;
import org.linkdesk.store.ShareRecord;

/** A link just made and recorded. */
public record GeneratedLink(ShareRecord share, PresignedUrl url, EffectiveExpiry expiry) {
}
