package org.linkdesk.handover;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linkdesk.core.s3.S3ErrorBody;
import org.linkdesk.core.s3.ServerDate;
import org.linkdesk.core.sign.HttpMethod;

/** Reads a server's answer to a test request and says, in plain words, what it means. */
final class LinkDiagnostician {
    private static final Pattern EXPECTING_REGION = Pattern.compile("expecting '([a-z0-9-]+)'");
    private static final Pattern CONTENT_RANGE_TOTAL = Pattern.compile("/(\\d+)\\s*$");
    private static final long MAX_SKEW = ServerDate.MAX_SKEW.getSeconds();

    LinkTestResult diagnose(SignedUrlFacts facts, HttpMethod method, Set<String> sentHeaders, ProbeAnswer answer) {
        int status = answer.status();
        Instant serverNow = answer.serverDate();
        Long skew = serverNow == null ? null : Duration.between(answer.receivedAt(), serverNow).getSeconds();
        if (status == 100) {
            return new LinkTestResult(true, status, Diagnosis.OK, "The server accepted the signature and was ready to "
                    + "receive the file; nothing was uploaded. (Whether the upload itself then succeeds — size, "
                    + "space, policy conditions on the body — can only be seen by uploading.)", skew, null, null);
        }
        if (status / 100 == 2 || status == 416) {
            return works(answer, method, skew);
        }
        S3ErrorBody error = S3ErrorBody.parse(xmlPart(answer.body()));
        String code = error.code() != null ? error.code()
                : answer.header("x-amz-error-code") != null ? answer.header("x-amz-error-code") : null;
        String message = error.message() != null ? error.message() : answer.header("x-amz-error-message");
        String said = code == null ? "" : " (" + code + (message == null || message.isBlank() ? "" : ": "
                + oneLine(message)) + ")";

        String rightRegion = regionHint(answer, error, message);
        if (rightRegion != null && facts.region() != null && !rightRegion.equals(facts.region())) {
            return LinkTestResult.failed(status, Diagnosis.WRONG_REGION, "The link was signed for region "
                    + facts.region() + " but the bucket is in " + rightRegion + ". Sign it again with region "
                    + rightRegion + " (in Linkdesk: set the profile's region, or let it detect the bucket's)." , skew);
        }
        if ("NoSuchBucket".equals(code)) {
            return LinkTestResult.failed(status, Diagnosis.NO_SUCH_BUCKET, "The bucket does not exist (or no "
                    + "longer does) on this server. Check its name and the server the link points at.", skew);
        }
        if ("NoSuchKey".equals(code) || (status == 404 && code == null)) {
            return LinkTestResult.failed(status, Diagnosis.NO_SUCH_KEY, "There is no object at this key"
                    + (code == null ? " (or no such bucket: a HEAD answer does not say which)" : "")
                    + ": it was deleted, renamed or never uploaded. Make a new link once it is there.", skew);
        }
        if ("NoSuchVersion".equals(code)) {
            return LinkTestResult.failed(status, Diagnosis.NO_SUCH_KEY, "This version of the object does not exist "
                    + "(it was deleted).", skew);
        }
        LinkTestResult timing = timing(facts, status, code, message, serverNow, skew);
        if (timing != null) {
            return timing;
        }
        if ("SignatureDoesNotMatch".equals(code)) {
            return LinkTestResult.failed(status, Diagnosis.SIGNATURE_MISMATCH, "The server computed a different "
                    + "signature. " + likelyCause(facts, method, sentHeaders), skew);
        }
        if ("InvalidAccessKeyId".equals(code)) {
            return LinkTestResult.failed(status, Diagnosis.ACCESS_DENIED, "The server does not know the access key "
                    + "id that signed the link" + (facts.accessKeyId() == null ? "" : " (" + facts.accessKeyId() + ")")
                    + ": the key was deleted, or the link was signed for another account or server.", skew);
        }
        if (status == 403 || "AccessDenied".equals(code)) {
            String lower = (code + " " + message).toLowerCase(Locale.ROOT);
            if (lower.contains("kms")) {
                return LinkTestResult.failed(status, Diagnosis.ACCESS_DENIED, "Refused: the object is encrypted with "
                        + "a KMS key that the signer may not use (kms:Decrypt)" + said + ". Grant the signer use of "
                        + "the key, or share another object.", skew);
            }
            if (code == null && method == HttpMethod.HEAD) {
                return LinkTestResult.failed(status, Diagnosis.ACCESS_DENIED, "Refused (403). A HEAD answer has no "
                        + "body, so it does not say whether the signature is wrong or a policy refuses; test a GET "
                        + "link to the same object to find out.", skew);
            }
            return LinkTestResult.failed(status, Diagnosis.ACCESS_DENIED, "Refused" + said + ": the signature is "
                    + "valid but the signer's permissions or a bucket policy do not allow this request. Check the "
                    + "IAM policy of the signing key and the bucket policy.", skew);
        }
        if (status >= 500) {
            return LinkTestResult.failed(status, Diagnosis.NETWORK, "The server failed (" + status + said + "). "
                    + "Try again in a moment; if it persists the problem is on the server's side.", skew);
        }
        return LinkTestResult.failed(status, Diagnosis.ACCESS_DENIED, "The server refused the request (" + status
                + said + ").", skew);
    }

    private static LinkTestResult works(ProbeAnswer answer, HttpMethod method, Long skew) {
        Long size = null;
        String range = answer.header("content-range");
        if (range != null) {
            Matcher m = CONTENT_RANGE_TOTAL.matcher(range);
            size = m.find() ? Long.valueOf(m.group(1)) : null;
        } else if (answer.status() == 416) {
            size = 0L;
        } else if (answer.header("content-length") != null) {
            try {
                size = Long.valueOf(answer.header("content-length").strip());
            } catch (NumberFormatException e) {
                size = null;
            }
        }
        String type = answer.header("content-type");
        String what = method == HttpMethod.GET ? "The link works" : "The " + method + " link works";
        String detail = what + " (" + answer.status() + ")" + (size == null ? "" : ": " + size + " bytes")
                + (type == null ? "" : ", " + type) + ".";
        return new LinkTestResult(true, answer.status(), Diagnosis.OK, detail, skew, size, type);
    }

    /** Expired, not yet valid, or refused because of a clock difference; null when time is not the problem. */
    private static LinkTestResult timing(SignedUrlFacts facts, int status, String code, String message,
                                         Instant serverNow, Long skew) {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        Instant expiresAt = facts.expiresAt();
        boolean saysExpired = lower.contains("expired") && !"ExpiredToken".equals(code);
        boolean saysEarly = "RequestTimeTooSkewed".equals(code) || lower.contains("not yet valid")
                || lower.contains("not valid yet");
        if ("ExpiredToken".equals(code)) {
            return LinkTestResult.failed(status, Diagnosis.EXPIRED, "The temporary credentials (session token) that "
                    + "signed the link have expired, and the link with them. Make a new link with fresh credentials.",
                    skew);
        }
        boolean pastExpiry = expiresAt != null && serverNow != null && serverNow.isAfter(expiresAt);
        boolean future = facts.signedAt() != null && serverNow != null
                && facts.signedAt().isAfter(serverNow.plusSeconds(MAX_SKEW));
        boolean localClockOff = skew != null && Math.abs(skew) > MAX_SKEW;
        if (saysExpired || (status == 403 && code == null && pastExpiry)) {
            String when = expiresAt == null ? "" : " at " + expiresAt + (serverNow == null ? ""
                    : " (" + ServerDate.describe(Duration.between(expiresAt, serverNow).abs()) + " ago by the server's clock)");
            String clock = localClockOff ? " Note: this computer's clock is " + describeSkew(skew) + "." : "";
            return LinkTestResult.failed(status, Diagnosis.EXPIRED, "The link expired" + when + ". Make a new link "
                    + "(or renew it from the history)." + clock, skew);
        }
        if (saysEarly || (status == 403 && code == null && future)) {
            if (localClockOff) {
                return LinkTestResult.failed(status, Diagnosis.CLOCK_SKEW, "This computer's clock is "
                        + describeSkew(skew) + "; S3 accepts at most 15 minutes. Links signed here carry the wrong "
                        + "time: set the clock right (turn on automatic time) and make the link again.", skew);
            }
            String signed = facts.signedAt() == null ? "" : " It was signed for " + facts.signedAt()
                    + (serverNow == null ? "" : ", " + ServerDate.describe(Duration.between(serverNow,
                    facts.signedAt()).abs()) + (facts.signedAt().isAfter(serverNow) ? " ahead of" : " behind")
                    + " the server's clock") + ".";
            return LinkTestResult.failed(status, Diagnosis.NOT_YET_VALID, "The server does not accept the link yet."
                    + signed + " The clock of the computer that signed it is probably wrong; make the link again "
                    + "there after setting its clock right, or wait.", skew);
        }
        return null;
    }

    private static String describeSkew(Long skew) {
        return ServerDate.describe(Duration.ofSeconds(Math.abs(skew))) + (skew < 0 ? " ahead of" : " behind")
                + " the server's";
    }

    private static String likelyCause(SignedUrlFacts facts, HttpMethod method, Set<String> sent) {
        List<String> missing = new ArrayList<>();
        for (String header : facts.signedHeaders()) {
            if (!header.equals("host") && !sent.contains(header)) {
                missing.add(header);
            }
        }
        if (!missing.isEmpty()) {
            return "Likely cause: the link requires the header" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + ", which this request did not send. Whoever uses the link must "
                    + "send " + (missing.size() > 1 ? "them" : "it") + " with the exact value it was signed with"
                    + (missing.contains("content-type") ? " (test with --content-type TYPE)" : "") + ".";
        }
        if (facts.alteration() != null) {
            return "Likely cause: the URL was changed after it was signed — " + facts.alteration()
                    + ". Copy the link again from where it was made.";
        }
        if (facts.signedHeaders().contains("content-type") && method == HttpMethod.PUT) {
            return "Likely cause: the Content-Type sent is not exactly the one the link was signed with; otherwise "
                    + "the secret key that signed it does not belong to its access key id.";
        }
        return "Likely causes, most likely first: the secret key that signed the link does not belong to its access "
                + "key id" + (facts.accessKeyId() == null ? "" : " (" + facts.accessKeyId() + ")") + " (re-enter the "
                + "profile's secret key); the link's host or path was changed after signing (a proxy or CDN, or a "
                + "switch between bucket.host/key and host/bucket/key addressing — sign for the host the link will "
                + "use); the method differs from the one it was signed for (a GET link used with HEAD).";
    }

    private static String regionHint(ProbeAnswer answer, S3ErrorBody error, String message) {
        String header = answer.header("x-amz-bucket-region");
        if (header != null && !header.isBlank() && (answer.status() == 301 || answer.status() == 400
                || answer.status() == 307 || answer.status() == 403)) {
            return header.strip();
        }
        if (error.element("Region") != null && !error.element("Region").isBlank()) {
            return error.element("Region").strip();
        }
        if (message != null) {
            Matcher m = EXPECTING_REGION.matcher(message);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static byte[] xmlPart(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int from = text.indexOf('<');
        int to = text.lastIndexOf('>');
        return from < 0 || to < from ? new byte[0] : text.substring(from, to + 1).getBytes(StandardCharsets.UTF_8);
    }

    private static String oneLine(String s) {
        String line = s.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
