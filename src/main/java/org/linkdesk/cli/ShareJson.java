package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.linkdesk.shares.ProtectedShare;
import org.linkdesk.shares.ProtectedShareService;

/** The JSON of a protected share, the same for {@code share create}, {@code edit} and {@code list}. */
final class ShareJson {
    private ShareJson() {
    }

    static ObjectNode of(ProtectedShare s, ProtectedShareService service, Instant now) {
        ObjectNode node = Json.object();
        node.put("id", s.id());
        node.put("url", service.publicUrl().isPresent() ? service.link(s) : null);
        node.put("expiresAt", Json.time(s.expiresAt()));
        if (s.maxDownloads() == null) {
            node.putNull("maxDownloads");
        } else {
            node.put("maxDownloads", s.maxDownloads());
        }
        node.put("passwordProtected", s.passwordProtected());
        node.put("downloads", s.downloads());
        node.put("lastDownloadAt", s.lastDownloadAt() == null ? null : Json.time(s.lastDownloadAt()));
        node.put("status", s.state(now).name().toLowerCase(java.util.Locale.ROOT));
        node.put("owner", s.owner());
        node.put("bucket", s.bucket());
        node.put("key", s.key());
        node.put("fileName", s.fileName());
        if (s.sizeBytes() != null) {
            node.put("size", s.sizeBytes());
        }
        node.put("createdAt", Json.time(s.createdAt()));
        node.put("note", s.note());
        return node;
    }
}
