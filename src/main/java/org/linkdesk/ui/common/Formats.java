package org.linkdesk.ui.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times, durations and sizes are shown. */
public final class Formats {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);

    private Formats() {
    }

    /** "Sat 28 Nov 2026, 17:40" in {@code zone}. */
    public static String dateTime(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    /** "2026-11-28 17:40" in {@code zone}. */
    public static String shortDateTime(Instant instant, ZoneId zone) {
        return SHORT.format(instant.atZone(zone));
    }

    /** "in 3 h 5 min", "2 days ago", "in 40 s". */
    public static String relative(Instant instant, Instant now) {
        Duration d = Duration.between(now, instant);
        boolean future = !d.isNegative();
        if (d.abs().getSeconds() >= 60) {
            // "in 6 days 23 h" for a 7-day link made a second ago reads wrong: round to the nearest minute.
            d = Duration.ofMinutes(Math.round(d.abs().getSeconds() / 60.0));
        }
        String amount = roughly(d.abs());
        return future ? "in " + amount : amount + " ago";
    }

    /** A rough human amount: "40 s", "15 min", "3 h 5 min", "6 days 23 h". */
    public static String roughly(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3_600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            long m = s % 3_600 / 60;
            return s / 3_600 + " h" + (m > 0 ? " " + m + " min" : "");
        }
        long days = s / 86_400;
        long h = s % 86_400 / 3_600;
        return days + (days == 1 ? " day" : " days") + (h > 0 ? " " + h + " h" : "");
    }

    /** "0 B", "1.5 KB", "12.3 MB" (powers of 1024, one decimal). */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
