package org.linkdesk.upload;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linkdesk.core.sign.InvalidInputException;

/** Byte sizes as people write them: {@code 5MiB}, {@code 8M}, {@code 1.5GB}, {@code 1024}. */
public final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b?)",
            Pattern.CASE_INSENSITIVE);

    private Sizes() {
    }

    /** Parses a size; K/M/G/T are binary (1024-based) whether or not the "i" is written, as aws-cli reads them. */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new InvalidInputException("'" + text + "' is not a size; write e.g. 5MiB, 64M, 1GiB or 1048576.");
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        int power = unit.isEmpty() ? 0 : "kmgt".indexOf(unit) + 1;
        double value = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
        if (value > Long.MAX_VALUE / 2) {
            throw new InvalidInputException("'" + text + "' is too large.");
        }
        return (long) value;
    }

    /** 0 B, 999 B, 1.5 KiB, 5 MiB, 1 GiB. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value == Math.floor(value) ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + units[unit];
    }
}
