package org.linkdesk.core.s3;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns an S3 error answer into the specific {@link S3Exception} with a message for the user. */
final class S3Errors {
    private static final Pattern EXPECTING_REGION = Pattern.compile("expecting '([a-z0-9-]+)'");
    private static final Pattern ENDPOINT_REGION =
            Pattern.compile("(?:^|\\.)s3[.-](?:dualstack\\.)?([a-z]{2}(?:-[a-z]+)+-\\d+)\\.amazonaws\\.com");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final int MAX_SERVER_MESSAGE = 200;

    /**
     * What was asked.
     *
     * @param bucket       the bucket, or null for service calls
     * @param key          the key, or null for bucket and service calls
     * @param signedRegion the region the request was signed for
     */
    record Call(String bucket, String key, String signedRegion) {
    }

    private S3Errors() {
    }

    static S3Exception toException(Call call, S3Response response) {
        S3ErrorBody error = response.error();
        int status = response.status();
        String code = error.code();

        Optional<String> region = regionHint(response, error);
        if ((status == 301 || status == 307 || status == 400) && region.isPresent()
                && !region.get().equals(call.signedRegion())) {
            return call.bucket() == null
                    ? WrongRegionException.forEndpoint(call.signedRegion(), region.get(), status, code)
                    : new WrongRegionException(call.bucket(), call.signedRegion(), region.get(), status);
        }
        if (code != null) {
            switch (code) {
                case "NoSuchBucket":
                    return new NoSuchBucketException(call.bucket());
                case "NoSuchKey":
                    return new NoSuchKeyException(call.bucket(), call.key());
                case "SignatureDoesNotMatch":
                    return new AccessDeniedException("Access denied: the secret key does not match the access key id. "
                            + "Re-enter the secret key of this profile.", status, code);
                case "InvalidAccessKeyId":
                    return new AccessDeniedException("Access denied: the server does not know this access key id. "
                            + "Check the profile's access key id and that the endpoint is the right server.", status, code);
                case "RequestTimeTooSkewed":
                    return new AccessDeniedException(clockMessage(skewFromBody(error).or(() -> skewFromDate(response))),
                            status, code);
                case "ExpiredToken", "TokenRefreshRequired":
                    return new AccessDeniedException("Access denied: the session token has expired. "
                            + "Get fresh temporary credentials and try again.", status, code);
                case "InvalidToken":
                    return new AccessDeniedException("Access denied: the session token is not valid for these "
                            + "credentials. Check the profile's session token.", status, code);
                default:
                    break;
            }
        }
        if (status == 403) {
            Optional<Duration> skew = skewFromDate(response);
            if (code == null && skew.isPresent() && skew.get().abs().compareTo(ServerDate.MAX_SKEW) > 0) {
                return new AccessDeniedException(clockMessage(skew), status, "RequestTimeTooSkewed");
            }
            return new AccessDeniedException(call.bucket() == null
                    ? "Access denied: check the access key and its permission to list buckets."
                    : "Access denied: check the access key and its permissions for this bucket.", status, code);
        }
        if (status == 404) {
            if (call.key() != null) {
                return new NoSuchKeyException(call.bucket(), call.key());
            }
            if (call.bucket() != null) {
                return new NoSuchBucketException(call.bucket());
            }
        }
        return serverError(status, error);
    }

    private static S3ServerException serverError(int status, S3ErrorBody error) {
        String what = status + (error.code() != null ? " " + error.code() : "") + serverMessage(error);
        if (status == 503) {
            return new S3ServerException("The server is busy or unavailable (" + what + "). Try again in a moment.",
                    status, error.code());
        }
        if (status >= 500) {
            return new S3ServerException("The server failed (" + what + "). Try again later; if it keeps failing, "
                    + "the problem is on the server's side.", status, error.code());
        }
        if (status / 100 == 3) {
            return new S3ServerException("The server redirects this request elsewhere (" + what + "). Check the "
                    + "endpoint URL and the region.", status, error.code());
        }
        return new S3ServerException("The server refused the request (" + what + "). Check the endpoint URL, "
                + "the region and the names.", status, error.code());
    }

    private static String serverMessage(S3ErrorBody error) {
        String message = error.message();
        if (message == null || message.isBlank()) {
            return "";
        }
        String oneLine = message.strip().replaceAll("\\s+", " ");
        return ": " + (oneLine.length() > MAX_SERVER_MESSAGE ? oneLine.substring(0, MAX_SERVER_MESSAGE) + "…" : oneLine);
    }

    /** The region the server says the bucket or endpoint is in, from headers or the error document. */
    static Optional<String> regionHint(S3Response response, S3ErrorBody error) {
        Optional<String> header = response.header("x-amz-bucket-region");
        if (header.isPresent()) {
            return header;
        }
        if (error.element("Region") != null && !error.element("Region").isBlank()) {
            return Optional.of(error.element("Region"));
        }
        if (error.message() != null) {
            Matcher m = EXPECTING_REGION.matcher(error.message());
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        String endpoint = error.element("Endpoint");
        if (endpoint != null) {
            Matcher m = ENDPOINT_REGION.matcher(endpoint);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** Server clock minus local clock, from RequestTimeTooSkewed's {@code ServerTime} and {@code RequestTime}. */
    private static Optional<Duration> skewFromBody(S3ErrorBody error) {
        Instant server = parseInstant(error.element("ServerTime"));
        Instant request = parseInstant(error.element("RequestTime"));
        return server == null || request == null ? Optional.empty() : Optional.of(Duration.between(request, server));
    }

    private static Optional<Duration> skewFromDate(S3Response response) {
        return response.serverDate().map(server -> Duration.between(response.receivedAt(), server));
    }

    private static Instant parseInstant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            Instant httpDate = S3Response.parseHttpDate(text);
            if (httpDate != null) {
                return httpDate;
            }
            try {
                // RequestTime may be in the compact SigV4 form 20240101T000000Z.
                return LocalDateTime.parse(text, AMZ_DATE).toInstant(ZoneOffset.UTC);
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    static String clockMessage(Optional<Duration> serverMinusLocal) {
        String prefix = "Access denied: your computer's clock ";
        String suffix = " S3 accepts at most 15 minutes. Set the clock right (turn on automatic time) and try again.";
        if (serverMinusLocal.isEmpty()) {
            return prefix + "differs too much from the server's." + suffix;
        }
        Duration skew = serverMinusLocal.get();
        String direction = skew.isNegative() ? "ahead of" : "behind";
        return prefix + "is " + ServerDate.describe(skew.abs()) + " " + direction + " the server's." + suffix;
    }
}
