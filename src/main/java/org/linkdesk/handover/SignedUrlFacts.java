package org.linkdesk.handover;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a presigned URL says about itself: when it was signed and for how long, for which access key and region,
 * which headers it needs, and whether it looks altered since a SigV4 signer wrote it.
 */
record SignedUrlFacts(URI uri, Instant signedAt, Long expiresSeconds, String accessKeyId, String region,
                      List<String> signedHeaders, String alteration) {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    /** What a SigV4 encoder leaves in a URL: unreserved characters, %XX in upper case, and the delimiters. */
    private static final Pattern SIGV4_CLEAN = Pattern.compile("[A-Za-z0-9\\-_.~/?&=:\\[\\]@]*(%[0-9A-F]{2}[A-Za-z0-9\\-_.~/?&=:\\[\\]@]*)*");

    static SignedUrlFacts parse(URI uri, String original) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                query.put(name.toLowerCase(Locale.ROOT), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        Instant signedAt = parseDate(query.get("x-amz-date"));
        Long expires = parseLong(query.get("x-amz-expires"));
        String accessKey = null;
        String region = null;
        String credential = query.get("x-amz-credential");
        if (credential != null) {
            String[] scope = credential.split("/");
            accessKey = scope[0];
            region = scope.length > 2 ? scope[2] : null;
        }
        String headers = query.getOrDefault("x-amz-signedheaders", "");
        List<String> signed = headers.isEmpty() ? List.of() : List.of(headers.toLowerCase(Locale.ROOT).split(";"));
        return new SignedUrlFacts(uri, signedAt, expires, accessKey, region, signed, alteration(original, query));
    }

    boolean isSigV4() {
        return signedAt != null;
    }

    Instant expiresAt() {
        return signedAt == null || expiresSeconds == null ? null : signedAt.plusSeconds(expiresSeconds);
    }

    /** Why the URL looks changed since it was signed, or null when it does not. */
    private static String alteration(String url, Map<String, String> query) {
        if (!query.containsKey("x-amz-signature")) {
            return null;
        }
        if (url.indexOf(' ') >= 0) {
            return "it contains a space, which a presigned URL never has (a chat or mail program may have turned '+' "
                    + "or %20 into a space, or cut the link at a line break)";
        }
        if (url.indexOf('+') >= 0) {
            return "it contains '+', which a presigned URL never has (a program may have re-encoded %20 or %2B)";
        }
        if (!SIGV4_CLEAN.matcher(url.substring(url.indexOf("://") + 3)).matches()) {
            return "it contains characters a presigned URL always percent-encodes, or lower-case %-escapes (a "
                    + "program re-encoded or decoded the link)";
        }
        String signature = query.get("x-amz-signature");
        if (signature == null || !signature.matches("[0-9a-f]{64}")) {
            return "its X-Amz-Signature is not 64 hexadecimal digits (the link was cut or edited)";
        }
        return null;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static Instant parseDate(String text) {
        try {
            return text == null ? null : LocalDateTime.parse(text, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Long parseLong(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
