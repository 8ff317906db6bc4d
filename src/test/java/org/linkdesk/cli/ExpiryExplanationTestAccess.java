package org.linkdesk.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the CLI's expiry warning words a time in this JVM's zone ("at 17:40" today, else "on Sat 29 Nov at 17:40"). */
final class ExpiryExplanationTestAccess {
    private ExpiryExplanationTestAccess() {
    }

    static String when(Instant at) {
        ZonedDateTime t = at.atZone(ZoneId.systemDefault());
        boolean today = t.toLocalDate().equals(ZonedDateTime.now(ZoneId.systemDefault()).toLocalDate());
        return today ? "at " + DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).format(t)
                : "on " + DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.ENGLISH).format(t);
    }
}
