package org.linkdesk.handover;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The server's answer to a test request.
 *
 * @param status     HTTP status (100 when a PUT probe was invited to send its body)
 * @param headers    response headers, names in lower case, first value of each
 * @param body       the start of the body (error documents are small), empty for HEAD
 * @param receivedAt this computer's clock when the answer arrived
 */
record ProbeAnswer(int status, Map<String, String> headers, byte[] body, Instant receivedAt) {

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The server's clock from {@code Date}, or null. */
    Instant serverDate() {
        String date = header("date");
        try {
            return date == null ? null : ZonedDateTime.parse(date.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
