package org.linkdesk.history;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats of history export and import. */
public enum ExportFormat {
    CSV, JSON;

    public static ExportFormat parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Unknown format '" + text + "': use csv or json.");
        }
    }

    /** By the file name's extension; JSON for ".json", else CSV. */
    public static ExportFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") ? JSON : CSV;
    }
}
