package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.linkdesk.core.s3.ListObjectsRequest;
import org.linkdesk.core.s3.ListedObject;
import org.linkdesk.core.s3.ListingWalker;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.links.BatchItem;
import org.linkdesk.links.BatchMonitor;
import org.linkdesk.links.DownloadNames;
import org.linkdesk.links.ExpiryRules;
import org.linkdesk.links.GeneratedLink;
import org.linkdesk.links.LinkService;
import org.linkdesk.links.SigningIdentity;

/**
 * {@code presign --recursive}: a link for every object under a prefix, streamed page by page. Each page (up to
 * 1 000 links) is signed and then recorded in the history in one transaction before it is printed, so memory
 * stays flat for any number of objects; if a page fails, the pages printed before it stay recorded and nothing
 * of the failing page is.
 */
final class RecursivePresign {
    private final S3Http s3;
    private final LinkService links;
    private final SigningIdentity signer;
    private final ExpiryRules rules;
    private final LinkOptions template;
    private final boolean fileNames;
    private final String note;

    RecursivePresign(S3Http s3, LinkService links, SigningIdentity signer, ExpiryRules rules, LinkOptions template,
                     boolean fileNames, String note) {
        this.s3 = s3;
        this.links = links;
        this.signer = signer;
        this.rules = rules;
        this.template = template;
        this.fileNames = fileNames;
        this.note = note;
    }

    /**
     * Prints one URL per line, or (with {@code toJson}) the elements of a JSON array whose brackets the caller
     * prints. Returns the number of links made.
     */
    long run(S3Prefix where, PrintWriter out, Function<GeneratedLink, ObjectNode> toJson) {
        ListingWalker walker = new ListingWalker(s3, signer.endpoint(), signer.credentials());
        long[] made = {0};
        walker.walk(ListObjectsRequest.recursive(where.bucket(), where.prefix()), () -> false, page -> {
            List<BatchItem> items = new ArrayList<>(page.objects().size());
            for (ListedObject o : page.objects()) {
                if (o.key().endsWith("/") && o.size() == 0) {
                    continue;   // a folder marker, not a file
                }
                String name = fileNames ? DownloadNames.fileName(o.key()) : template.downloadName();
                items.add(new BatchItem(where.bucket(), o.key(), new LinkOptions(template.method(),
                        rules.expiryFor(o.key()), name, template.inline(), template.responseContentType(),
                        template.cacheControl(), template.contentType())));
            }
            for (GeneratedLink link : links.generateAll(signer, items, note, BatchMonitor.NONE)) {
                if (toJson == null) {
                    out.println(link.url().url());
                } else {
                    out.println((made[0] == 0 ? "  " : ", ") + Json.write(toJson.apply(link)).replace("\n", "\n  "));
                }
                made[0]++;
            }
            out.flush();
            return true;
        });
        return made[0];
    }
}
