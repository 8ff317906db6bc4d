package org.linkdesk.history;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields quoted when they hold a comma, quote or line break; records may span lines. Reading streams
 * one record at a time with bounded field and record sizes, so a huge or hostile file cannot exhaust memory.
 */
final class Csv {
    /** Longer fields are refused: no column of an export comes near this. */
    static final int MAX_FIELD_CHARS = 65_536;
    /** More fields in one record are refused (an export has about 30). */
    static final int MAX_FIELDS = 256;

    /** One record and the line it starts on (1-based). */
    record Row(int line, List<String> fields) {
    }

    private Csv() {
    }

    static void write(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String f = fields.get(i);
            if (f == null) {
                continue;
            }
            if (f.isEmpty() || f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0
                    || f.indexOf('\r') >= 0 || !f.equals(f.strip())) {
                out.write('"');
                out.write(f.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(f);
            }
        }
        out.write("\r\n");
    }

    /** Reads every record (small inputs only; imports use {@link Records}). */
    static List<Row> read(Reader source) throws IOException {
        Records records = new Records(source);
        List<Row> rows = new ArrayList<>();
        for (Row row = records.next(); row != null; row = records.next()) {
            rows.add(row);
        }
        return rows;
    }

    /**
     * Records read one at a time. An empty unquoted field is null, a quoted empty one is "". Throws
     * {@link HistoryFileException} on an unterminated quote, text after a closing quote, or a field or record
     * beyond the limits.
     */
    static final class Records {
        private final Reader in;
        private int line = 1;
        private int pending = -2;

        Records(Reader source) {
            this(source, 1);
        }

        /** @param firstLine the line number of the first character of {@code source} */
        Records(Reader source, int firstLine) {
            this.in = source;
            this.line = firstLine;
        }

        private int read() throws IOException {
            if (pending != -2) {
                int c = pending;
                pending = -2;
                return c;
            }
            return in.read();
        }

        /** The next record, or null at the end of the input. */
        Row next() throws IOException {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean afterQuote = false;
            boolean recordStarted = false;
            int recordLine = line;
            int c;
            while ((c = read()) != -1) {
                if (quoted) {
                    if (c == '"') {
                        int n = read();
                        if (n == '"') {
                            append(field, '"', recordLine);
                        } else {
                            quoted = false;
                            afterQuote = true;
                            pending = n;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        append(field, (char) c, recordLine);
                    }
                    continue;
                }
                if (c == ',') {
                    add(fields, value(field, wasQuoted), recordLine);
                    field.setLength(0);
                    wasQuoted = false;
                    afterQuote = false;
                    recordStarted = true;
                } else if (c == '\r') {
                    continue;
                } else if (c == '\n') {
                    line++;
                    if (recordStarted || field.length() > 0 || wasQuoted) {
                        add(fields, value(field, wasQuoted), recordLine);
                        return new Row(recordLine, fields);
                    }
                    recordLine = line;
                } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                    recordStarted = true;
                } else if (afterQuote) {
                    throw new HistoryFileException("Line " + line + ": unexpected text after a closing quote.");
                } else {
                    append(field, (char) c, recordLine);
                    recordStarted = true;
                }
            }
            if (quoted) {
                throw new HistoryFileException("Line " + recordLine + ": a quoted field is never closed.");
            }
            if (recordStarted || field.length() > 0 || wasQuoted) {
                add(fields, value(field, wasQuoted), recordLine);
                return new Row(recordLine, fields);
            }
            return null;
        }

        private static void append(StringBuilder field, char c, int recordLine) {
            if (field.length() >= MAX_FIELD_CHARS) {
                throw new HistoryFileException("Line " + recordLine + ": a field is longer than " + MAX_FIELD_CHARS
                        + " characters; this is not a Linkdesk export.");
            }
            field.append(c);
        }

        private static void add(List<String> fields, String value, int recordLine) {
            if (fields.size() >= MAX_FIELDS) {
                throw new HistoryFileException("Line " + recordLine + ": more than " + MAX_FIELDS
                        + " fields; this is not a Linkdesk export.");
            }
            fields.add(value);
        }

        private static String value(StringBuilder field, boolean wasQuoted) {
            return field.length() == 0 && !wasQuoted ? null : field.toString();
        }
    }
}
