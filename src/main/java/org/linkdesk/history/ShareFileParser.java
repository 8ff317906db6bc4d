package org.linkdesk.history;

import java.time.Duration;
import java.time.Instant;
import java.time.DateTimeException;
import java.util.Locale;
import java.util.Map;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.store.ImportedShare;
import org.linkdesk.store.NewShare;
import org.linkdesk.store.ShareDetails;
import org.linkdesk.store.ShareExtras;

/** Turns one exported record (field name to text) into a share to import, naming the line and field of a fault. */
final class ShareFileParser {
    private static final Duration MAX_EXPIRES_IN = Duration.ofDays(36_525);
    private final String where;
    private final Map<String, String> fields;

    private ShareFileParser(String where, Map<String, String> fields) {
        this.where = where;
        this.fields = fields;
    }

    /** @param where "Line 7" or "Record 3 (line 12)" */
    static ImportedShare parse(String where, Map<String, String> fields) {
        return new ShareFileParser(where, fields).parse();
    }

    private ImportedShare parse() {
        for (var f : fields.entrySet()) {
            if (f.getValue() != null) {
                String name = f.getKey();
                ImportChecks.textProblem(name, f.getValue()).ifPresent(p -> {
                    throw fault(name, p);
                });
            }
        }
        Instant createdAt = instant("createdAt");
        Instant expiresAt = instant("expiresAt");
        if (expiresAt.isBefore(createdAt)) {
            throw fault("expiresAt", "is before createdAt");
        }
        HttpMethod method = method();
        Duration expiresIn = optional("expiresIn") == null ? Duration.between(createdAt, expiresAt) : duration();
        LinkOptions options = new LinkOptions(method, expiresIn, optional("downloadName"), bool("inline"),
                optional("responseContentType"), optional("cacheControl"), optional("contentType"), optional("versionId"));
        String bucket = check("bucket", required("bucket"), ImportChecks.bucketProblem(required("bucket")));
        String key = check("key", required("key"), ImportChecks.keyProblem(required("key")));
        String accessKeyId = check("accessKeyId", required("accessKeyId"),
                ImportChecks.accessKeyProblem(required("accessKeyId")));
        String endpoint = optional("endpoint");
        String region = required("region");
        endpoint(endpoint, region);
        String url = optional("url");
        if (url != null) {
            check("url", url, ImportChecks.urlProblem(url, bucket, endpoint));
        }
        String redacted = optional("urlRedacted");
        if (redacted != null) {
            check("urlRedacted", redacted, ImportChecks.urlProblem(redacted, bucket, endpoint));
        }
        NewShare share = new NewShare(createdAt, null, optional("profile"), accessKeyId, endpoint, region, bucket,
                key, options, expiresAt, limit(), url, optional("note"));
        ShareExtras extras;
        try {
            extras = new ShareExtras(optional("recipient"), ShareDetails.parseTags(optional("tags")),
                    optional("recordedEtag"), null);
        } catch (IllegalArgumentException e) {
            throw fault("tags", e.getMessage());
        }
        return new ImportedShare(share, extras, redacted);
    }

    private String check(String field, String value, java.util.Optional<String> problem) {
        problem.ifPresent(p -> {
            throw fault(field, p);
        });
        return value;
    }

    private void endpoint(String endpoint, String region) {
        if (endpoint != null) {
            try {
                S3Endpoint.parseEndpoint(endpoint);
            } catch (InvalidInputException e) {
                throw fault("endpoint", "is not a valid endpoint URL");
            }
        }
        try {
            ImportChecks.endpoint(endpoint, region);
        } catch (InvalidInputException e) {
            throw fault("region", "is not a region name (lower-case letters, digits and '-', like eu-west-1)");
        }
    }

    private String optional(String name) {
        String v = fields.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    private String required(String name) {
        String v = optional(name);
        if (v == null) {
            throw fault(name, "is missing");
        }
        return v;
    }

    private Instant instant(String name) {
        String v = required(name);
        Instant t;
        try {
            t = Instant.parse(v);
        } catch (DateTimeException e) {
            throw fault(name, "is not a time like 2026-03-01T10:15:30Z ('" + shorten(v) + "')");
        }
        ImportChecks.timeProblem(t).ifPresent(p -> {
            throw fault(name, p + " ('" + shorten(v) + "')");
        });
        return t;
    }

    private Duration duration() {
        String v = optional("expiresIn");
        try {
            Duration d = Duration.parse(v);
            if (d.isNegative()) {
                throw fault("expiresIn", "is negative");
            }
            if (d.compareTo(MAX_EXPIRES_IN) > 0) {
                throw fault("expiresIn", "is longer than 100 years");
            }
            return d;
        } catch (DateTimeException | ArithmeticException e) {
            throw fault("expiresIn", "is not a duration like PT1H ('" + shorten(v) + "')");
        }
    }

    private HttpMethod method() {
        String v = required("method");
        try {
            return HttpMethod.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fault("method", "must be GET, PUT, HEAD or DELETE ('" + shorten(v) + "')");
        }
    }

    private boolean bool(String name) {
        String v = optional(name);
        if (v == null || v.equalsIgnoreCase("false")) {
            return false;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        throw fault(name, "must be true or false ('" + shorten(v) + "')");
    }

    private EffectiveExpiry.Limit limit() {
        String v = optional("expiryLimitedBy");
        if (v == null) {
            return EffectiveExpiry.Limit.REQUESTED;
        }
        try {
            return EffectiveExpiry.Limit.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw fault("expiryLimitedBy", "is not one of REQUESTED, SIGV4_MAX, CREDENTIALS, PROVIDER");
        }
    }

    private HistoryFileException fault(String field, String problem) {
        return new HistoryFileException(where + ", field " + field + ": " + problem + ". Nothing was imported.");
    }

    private static String shorten(String v) {
        String s = v.length() > 40 ? v.substring(0, 40) + "…" : v;
        return s.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?");
    }
}
