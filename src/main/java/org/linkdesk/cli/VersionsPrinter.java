package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.linkdesk.core.s3.ObjectVersion;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.s3.VersionListing;
import org.linkdesk.links.SigningIdentity;

/** {@code ls --versions}: prints every version under a prefix, page by page (JSON: one object per line). */
final class VersionsPrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private final S3Http s3;
    private final SigningIdentity signer;
    private final PrintWriter out;
    private final boolean json;

    VersionsPrinter(S3Http s3, SigningIdentity signer, PrintWriter out, boolean json) {
        this.s3 = s3;
        this.signer = signer;
        this.out = out;
        this.json = json;
    }

    void print(S3Prefix where) {
        String keyMarker = null;
        String versionMarker = null;
        do {
            VersionListing page = s3.listObjectVersions(signer.endpoint(), signer.credentials(), where.bucket(),
                    where.prefix(), keyMarker, versionMarker, 1000);
            page.versions().forEach(this::print);
            out.flush();
            if (!page.truncated() || page.nextKeyMarker() == null) {
                break;
            }
            keyMarker = page.nextKeyMarker();
            versionMarker = page.nextVersionIdMarker();
        } while (true);
    }

    private void print(ObjectVersion v) {
        if (json) {
            ObjectNode node = Json.object();
            node.put("key", v.key());
            node.put("versionId", v.versionId());
            node.put("latest", v.latest());
            node.put("deleteMarker", v.deleteMarker());
            node.put("lastModified", v.lastModified() == null ? null : Json.time(v.lastModified()));
            node.put("size", v.size());
            node.put("etag", v.etag());
            out.println(Json.write(node).replaceAll("\\s*\\n\\s*", " "));
            return;
        }
        out.printf("%s %12s  %-34s %s%s%n", v.lastModified() == null ? "                   " : TIME.format(v.lastModified()),
                v.deleteMarker() ? "(deleted)" : Long.toString(v.size()), v.versionId() == null ? "null" : v.versionId(),
                v.key(), v.latest() ? "  (latest)" : "");
    }
}
