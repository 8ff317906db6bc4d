package org.linkdesk.core.sign;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints durations the way people write them: {@code 90s}, {@code 15m}, {@code 1h30m}, {@code 7d}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d{1,9})([dhms])");

    private Durations() {
    }

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("Enter a duration such as 15m, 1h, 1h30m or 7d.");
        }
        String s = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        Matcher m = PART.matcher(s);
        int pos = 0;
        long seconds = 0;
        String lastUnits = "dhms";
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new InvalidInputException("'" + text.strip() + "' is not a duration; write it like 90s, 15m, 1h30m or 7d.");
            }
            String unit = m.group(2);
            int order = lastUnits.indexOf(unit);
            if (order < 0) {
                throw new InvalidInputException("'" + text.strip() + "' repeats or misorders its units; write it like 1d12h or 1h30m.");
            }
            lastUnits = lastUnits.substring(order + 1);
            long n = Long.parseLong(m.group(1));
            seconds += switch (unit) {
                case "d" -> n * 86_400;
                case "h" -> n * 3_600;
                case "m" -> n * 60;
                default -> n;
            };
            pos = m.end();
        }
        return Duration.ofSeconds(seconds);
    }

    /** Formats like {@code 1d 2h 3m 4s}, leaving out zero parts; {@code 0s} for zero. */
    public static String format(Duration d) {
        long total = d.getSeconds();
        if (total <= 0) {
            return total == 0 ? "0s" : "-" + format(d.negated());
        }
        StringBuilder sb = new StringBuilder();
        long days = total / 86_400;
        long hours = total % 86_400 / 3_600;
        long minutes = total % 3_600 / 60;
        long seconds = total % 60;
        append(sb, days, "d");
        append(sb, hours, "h");
        append(sb, minutes, "m");
        append(sb, seconds, "s");
        return sb.toString();
    }

    private static void append(StringBuilder sb, long value, String unit) {
        if (value > 0) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(value).append(unit);
        }
    }
}
