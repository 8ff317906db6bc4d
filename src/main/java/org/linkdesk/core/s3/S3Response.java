package org.linkdesk.core.s3;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One answer from the server.
 *
 * @param status     HTTP status
 * @param headers    response headers
 * @param body       the body (empty for HEAD)
 * @param receivedAt local time the answer arrived, for comparing with the server's {@code Date}
 */
record S3Response(int status, HttpHeaders headers, byte[] body, Instant receivedAt) {

    boolean isSuccess() {
        return status / 100 == 2;
    }

    Optional<String> header(String name) {
        return headers.firstValue(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The server's clock from the {@code Date} header. */
    Optional<Instant> serverDate() {
        return header("Date").map(S3Response::parseHttpDate);
    }

    /** An RFC 1123 date ({@code Tue, 15 Nov 1994 08:12:31 GMT}), or null when it is not one. */
    static Instant parseHttpDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The error document of the body or, for bodiless answers, the error headers some servers send. */
    S3ErrorBody error() {
        S3ErrorBody parsed = S3Xml.parseError(body);
        if (parsed.code() != null) {
            return parsed;
        }
        Optional<String> code = header("x-amz-error-code").or(() -> header("x-minio-error-code"));
        if (code.isEmpty()) {
            return parsed;
        }
        String message = header("x-amz-error-message").or(() -> header("x-minio-error-desc")).orElse(null);
        return new S3ErrorBody(code.get(), message, parsed.elements());
    }
}
