package org.linkdesk.history;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: fields quoted when they hold a comma, quote or line break; records may span lines. */
final class Csv {
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

    /**
     * Reads every record. An empty unquoted field is null, a quoted empty one is "". Throws
     * {@link HistoryFileException} on an unterminated quote or text after a closing quote.
     */
    static List<Row> read(Reader source) throws IOException {
        Reader in = source.markSupported() ? source : new java.io.BufferedReader(source);
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean afterQuote = false;
        int line = 1;
        int recordLine = 1;
        boolean recordStarted = false;
        int c;
        while ((c = in.read()) != -1) {
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int n = in.read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        if (n == -1) {
                            break;
                        }
                        in.reset();
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                continue;
            }
            if (c == ',') {
                fields.add(value(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
                afterQuote = false;
                recordStarted = true;
            } else if (c == '\r') {
                continue;
            } else if (c == '\n') {
                if (recordStarted || field.length() > 0 || wasQuoted) {
                    fields.add(value(field, wasQuoted));
                    rows.add(new Row(recordLine, fields));
                }
                fields = new ArrayList<>();
                field.setLength(0);
                wasQuoted = false;
                afterQuote = false;
                recordStarted = false;
                line++;
                recordLine = line;
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                recordStarted = true;
            } else if (afterQuote) {
                throw new HistoryFileException("Line " + line + ": unexpected text after a closing quote.");
            } else {
                field.append((char) c);
                recordStarted = true;
            }
        }
        if (quoted) {
            throw new HistoryFileException("Line " + recordLine + ": a quoted field is never closed.");
        }
        if (recordStarted || field.length() > 0 || wasQuoted) {
            fields.add(value(field, wasQuoted));
            rows.add(new Row(recordLine, fields));
        }
        return rows;
    }

    private static String value(StringBuilder field, boolean wasQuoted) {
        return field.length() == 0 && !wasQuoted ? null : field.toString();
    }
}
