package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.links.DownloadNames;
import org.linkdesk.links.ExpiryExplanation;
import org.linkdesk.links.ExpiryRule;
import org.linkdesk.links.ExpiryRules;
import org.linkdesk.links.GeneratedLink;
import org.linkdesk.links.LinkService;
import org.linkdesk.links.SigningIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk presign}: signs a link per object, prints it and records it in the history. */
@Command(name = "presign", sortOptions = false,
        header = "Make presigned links and record them in the history.",
        description = {"Prints one URL per line (or a JSON array with --json).",
                "The key is everything after the bucket's '/', taken literally (no percent-decoding)."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  linkdesk presign s3://reports/2025/q1.pdf",
                "  linkdesk presign --profile work --expires 7d s3://reports/2025/q1.pdf",
                "  linkdesk presign --aws-profile dev-sso --expires 12h s3://reports/2025/q1.pdf",
                "  linkdesk presign --download-name \"Q1 report.pdf\" s3://reports/2025/q1.pdf",
                "  linkdesk presign --method PUT --content-type image/png s3://uploads/photo.png",
                "  linkdesk presign --recursive --rule .pdf=48h --rule image=7d --default-expiry 24h s3://reports/2025/"})
final class PresignCommand implements Callable<Integer> {

    @ParentCommand
    private LinkdeskCommand root;

    @Mixin
    private IdentityOptions identity;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "GET",
            description = "GET, PUT, HEAD or DELETE (default: ${DEFAULT-VALUE}).")
    private HttpMethod method;

    @Option(names = "--expires", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "How long the link works: 90s, 15m, 1h, 1h30m, 7d; at most 7d (default: 1h).")
    private Duration expires;

    @Option(names = "--content-type", paramLabel = "TYPE",
            description = "PUT: the Content-Type the uploader must send (it is signed).")
    private String contentType;

    @Option(names = "--download-name", paramLabel = "NAME",
            description = "GET: the file name a browser saves the download as.")
    private String downloadName;

    @Option(names = "--inline", description = "GET: let the browser show the object instead of downloading it.")
    private boolean inline;

    @Option(names = "--response-content-type", paramLabel = "TYPE",
            description = "GET: the Content-Type the response carries instead of the stored one.")
    private String responseContentType;

    @Option(names = "--cache-control", paramLabel = "VALUE",
            description = "GET: the Cache-Control the response carries.")
    private String cacheControl;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note kept with the link in the history.")
    private String note;

    @Option(names = "--json", description = "Print a JSON array with each link's details.")
    private boolean json;

    @Option(names = {"-r", "--recursive"}, description = "Make a link for every object under s3://BUCKET/PREFIX/, "
            + "at any depth. Links are printed and recorded page by page (1 000 at a time, each page in one "
            + "transaction).")
    private boolean recursive;

    @Option(names = "--rule", paramLabel = "MATCH=DURATION", description = "Expiry by file type: an extension "
            + "(.pdf=48h) or a kind (image, video, audio, document, archive, text: image=7d). Repeatable; the first "
            + "match wins.")
    private List<String> rules = new ArrayList<>();

    @Option(names = "--default-expiry", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --rule: the expiry of objects no rule matches (default: --expires).")
    private Duration defaultExpiry;

    @Option(names = "--file-names", description = "GET: each link downloads under its object's own file name "
            + "(the key's last segment).")
    private boolean fileNames;

    @Parameters(arity = "1..*", paramLabel = "s3://BUCKET/KEY", description = "The objects to link to (with "
            + "--recursive: one s3://BUCKET/PREFIX/).")
    private List<String> objects;

    @Override
    public Integer call() {
        ExpiryRules expiryRules = new ExpiryRules(rules.stream().map(ExpiryRule::parse).toList(),
                defaultExpiry != null ? defaultExpiry : expires);
        if (recursive) {
            return presignRecursively(expiryRules);
        }
        List<S3Uri> targets = objects.stream().map(S3Uri::parse).toList();
        LinkOptions options = options();
        SigningIdentity signer = identity.resolve(root);
        LinkService links = root.services().links();
        List<GeneratedLink> made = new ArrayList<>();
        for (S3Uri target : targets) {
            LinkOptions own = new LinkOptions(options.method(), expiryRules.expiryFor(target.key()),
                    fileNames ? DownloadNames.fileName(target.key()) : options.downloadName(), options.inline(),
                    options.responseContentType(), options.cacheControl(), options.contentType());
            GeneratedLink link = links.generate(signer, target.bucket(), target.key(), own, note);
            if (link.expiry().isShorterThanRequested()) {
                root.io().warn("the link for " + target + " expires at " + link.expiry().expiresAt()
                        + ", sooner than asked: " + ExpiryExplanation.warning(link.expiry(),
                        identity.credentialSource(), java.time.ZoneId.systemDefault(), link.url().signedAt()));
            }
            made.add(link);
        }
        print(made);
        return ExitCodes.OK;
    }

    private int presignRecursively(ExpiryRules expiryRules) {
        if (objects.size() != 1) {
            throw new InvalidInputException("--recursive takes one s3://BUCKET/PREFIX/.");
        }
        S3Prefix where = S3Prefix.parse(objects.get(0));
        LinkOptions template = options();
        if (downloadName != null) {
            throw new InvalidInputException("--download-name names one file; with --recursive use --file-names.");
        }
        SigningIdentity signer = identity.resolve(root);
        RecursivePresign batch = new RecursivePresign(root.services().s3(), root.services().links(), signer,
                expiryRules, template, fileNames, note);
        PrintWriter out = root.io().out();
        if (json) {
            out.println("[");
        }
        long made = batch.run(where, out, json ? this::toJson : null);
        if (json) {
            out.println("]");
        }
        if (made == 0) {
            root.io().warn("there are no objects under " + where + ".");
        }
        return ExitCodes.OK;
    }

    private LinkOptions options() {
        if (method != HttpMethod.GET && (downloadName != null || inline || responseContentType != null
                || cacheControl != null)) {
            throw new InvalidInputException("--download-name, --inline, --response-content-type and --cache-control "
                    + "apply to GET links only.");
        }
        if (method != HttpMethod.PUT && contentType != null) {
            throw new InvalidInputException("--content-type applies to PUT links only; for a GET link use "
                    + "--response-content-type.");
        }
        return new LinkOptions(method, expires, downloadName, inline, responseContentType, cacheControl, contentType);
    }

    private void print(List<GeneratedLink> made) {
        if (json) {
            ArrayNode array = Json.array();
            made.forEach(link -> array.add(toJson(link)));
            root.io().out().println(Json.write(array));
            return;
        }
        made.forEach(link -> root.io().out().println(link.url().url()));
        made.stream().flatMap(link -> link.url().signedHeaders().entrySet().stream()).distinct()
                .forEach(h -> root.io().err().println("linkdesk: note: whoever uses the link must send the header "
                        + h.getKey() + ": " + h.getValue()));
    }

    private ObjectNode toJson(GeneratedLink link) {
        ObjectNode node = Json.object();
        node.put("url", link.url().url());
        node.put("method", link.url().method().name());
        node.put("bucket", link.share().bucket());
        node.put("key", link.share().key());
        node.put("expiresAt", Json.time(link.url().signedAt().plus(link.share().options().expiresIn())));
        node.put("effectiveExpiresAt", Json.time(link.expiry().expiresAt()));
        node.put("expiryLimitedBy", link.expiry().limitedBy().name());
        ObjectNode headers = node.putObject("signedHeaders");
        for (Map.Entry<String, String> h : link.url().signedHeaders().entrySet()) {
            headers.put(h.getKey(), h.getValue());
        }
        node.put("shareId", link.share().id());
        return node;
    }
}
