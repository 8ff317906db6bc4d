package org.linkdesk.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.ShareRecord;
import org.linkdesk.store.ShareStatus;

/** The fields of one exported share, by name, in file order. No credentials are among them. */
final class ExportedShare {
    static final List<String> FIELDS = List.of("id", "createdAt", "profile", "accessKeyId", "endpoint", "region",
            "bucket", "key", "method", "expiresIn", "downloadName", "inline", "responseContentType", "cacheControl",
            "contentType", "versionId", "expiresAt", "expiryLimitedBy", "status", "recordedEtag", "note", "recipient", "tags",
            "renewedFrom", "urlRedacted", "url", "madeBy");

    private ExportedShare() {
    }

    /** @param url the full link, only when the user asked to include links; else null */
    static Map<String, String> fields(HistoryEntry e, ShareStatus status, String url) {
        ShareRecord s = e.share();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", Long.toString(s.id()));
        f.put("createdAt", s.createdAt().toString());
        f.put("profile", s.profileName());
        f.put("accessKeyId", s.accessKeyId());
        f.put("endpoint", s.endpoint());
        f.put("region", s.region());
        f.put("bucket", s.bucket());
        f.put("key", s.key());
        f.put("method", s.method().name());
        f.put("expiresIn", s.options().expiresIn() == null ? null : s.options().expiresIn().toString());
        f.put("downloadName", s.options().downloadName());
        f.put("inline", Boolean.toString(s.options().inline()));
        f.put("responseContentType", s.options().responseContentType());
        f.put("cacheControl", s.options().cacheControl());
        f.put("contentType", s.options().contentType());
        f.put("versionId", s.options().versionId());
        f.put("expiresAt", s.expiresAt().toString());
        f.put("expiryLimitedBy", s.expiryLimitedBy().name());
        f.put("status", status.name());
        f.put("recordedEtag", e.recordedEtag());
        f.put("note", e.note());
        f.put("recipient", e.recipient());
        f.put("tags", e.tags().isEmpty() ? null : String.join(",", e.tags()));
        f.put("renewedFrom", e.renewedFrom() == null ? null : e.renewedFrom().toString());
        f.put("urlRedacted", e.urlRedacted());
        f.put("url", url);
        // Who made the link: the team history's maker (empty in a personal history).
        f.put("madeBy", e.madeBy());
        return f;
    }
}
