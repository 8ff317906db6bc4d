package org.linkdesk.store;

import java.util.List;

/**
 * What a new share may carry besides {@link NewShare}.
 *
 * @param recipient    who it is for, or null
 * @param tags         labels (normalised by {@link ShareDetails})
 * @param recordedEtag the object's ETag when the link was made, when cheaply known; else null
 * @param renewedFrom  the share this one renews, or null
 */
public record ShareExtras(String recipient, List<String> tags, String recordedEtag, Long renewedFrom) {
    public static final ShareExtras NONE = new ShareExtras(null, List.of(), null, null);

    public ShareExtras {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public ShareExtras withRecordedEtag(String etag) {
        return new ShareExtras(recipient, tags, etag, renewedFrom);
    }
}
