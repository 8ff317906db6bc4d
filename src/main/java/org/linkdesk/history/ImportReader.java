package org.linkdesk.history;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.linkdesk.store.ImportedShare;
import org.linkdesk.store.ShareFeed;

/**
 * Reads an export file (CSV or JSON) one share at a time, in bounded memory: strict UTF-8, limits on field and
 * record sizes, every fault a {@link HistoryFileException} naming the line.
 */
final class ImportReader implements ShareFeed {
    static final List<String> REQUIRED = List.of("createdAt", "accessKeyId", "region", "bucket", "key", "method",
            "expiresAt");

    /** The records of one format. */
    interface Records extends AutoCloseable {
        /** The next record's fields (name to text) and where it is, or null at the end. */
        Located next() throws IOException;

        @Override
        void close() throws IOException;
    }

    record Located(String where, Map<String, String> fields) {
    }

    private final Path file;
    private final Records records;
    private ImportedShare ahead;
    private int count;

    private ImportReader(Path file, Records records) {
        this.file = file;
        this.records = records;
    }

    /** Opens {@code file}, checking it is a readable UTF-8 file, and finds its format. */
    static ImportReader open(Path file) {
        if (Files.isDirectory(file)) {
            throw new HistoryFileException(file + " is a folder, not an export file. Nothing was imported.");
        }
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            in.mark(4);
            int b0 = in.read();
            int b1 = in.read();
            if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
                throw new HistoryFileException(file + " is UTF-16 text; Linkdesk exports are UTF-8. Save it as "
                        + "UTF-8 and import it again. Nothing was imported.");
            }
            in.reset();
            Reader reader = new InputStreamReader(in, UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            java.io.PushbackReader text = new java.io.PushbackReader(new java.io.BufferedReader(reader, 1 << 16), 1);
            int[] skippedLines = {0};
            int first = firstSignificant(text, skippedLines);
            Records records = first == '[' || first == '{' ? new JsonRecords(text, skippedLines[0] + 1)
                    : CsvRecords.open(text, skippedLines[0] + 1);
            return new ImportReader(file, records);
        } catch (CharacterCodingException e) {
            closeQuietly(in);
            throw notText(file, 1);
        } catch (IOException e) {
            closeQuietly(in);
            throw new HistoryFileException("Could not read " + file + " (" + e.getMessage() + "). Nothing was "
                    + "imported.");
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    private static int firstSignificant(java.io.PushbackReader r, int[] skippedLines) throws IOException {
        int c;
        while ((c = r.read()) != -1) {
            if (c == '\n') {
                skippedLines[0]++;
            }
            if (c != '\uFEFF' && !Character.isWhitespace(c)) {
                r.unread(c);
                return c;
            }
        }
        return -1;
    }

    static HistoryFileException notText(Path file, int line) {
        return new HistoryFileException("Line " + line + ": " + file.getFileName() + " is not UTF-8 text (a binary "
                + "file, or another encoding?). Nothing was imported.");
    }

    @Override
    public boolean hasNext() {
        if (ahead == null) {
            ahead = read();
        }
        return ahead != null;
    }

    @Override
    public ImportedShare next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ImportedShare s = ahead;
        ahead = null;
        count++;
        return s;
    }

    /** How many shares were read so far. */
    int count() {
        return count;
    }

    private ImportedShare read() {
        try {
            Located r = records.next();
            return r == null ? null : ShareFileParser.parse(r.where(), r.fields());
        } catch (CharacterCodingException e) {
            throw notText(file, Math.max(1, count + 1));
        } catch (IOException e) {
            throw new HistoryFileException("Could not read " + file + " (" + e.getMessage() + "). Nothing was "
                    + "imported.");
        } catch (UncheckedIOException e) {
            throw new HistoryFileException("Could not read " + file + " (" + e.getCause().getMessage() + "). "
                    + "Nothing was imported.");
        }
    }

    @Override
    public void close() {
        try {
            records.close();
        } catch (IOException e) {
            // Only read from: nothing to lose.
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // Only read from.
            }
        }
    }

    /** CSV: a header line naming the columns, then one record per share. */
    static final class CsvRecords implements Records {
        private final Reader reader;
        private final Csv.Records csv;
        private final List<String> header;

        private CsvRecords(Reader reader, Csv.Records csv, List<String> header) {
            this.reader = reader;
            this.csv = csv;
            this.header = header;
        }

        static CsvRecords open(Reader reader, int firstLine) throws IOException {
            Csv.Records csv = new Csv.Records(reader, firstLine);
            Csv.Row first = csv.next();
            if (first == null) {
                throw new HistoryFileException("The file is empty: expected a header line such as "
                        + "'id,createdAt,profile,…'. Nothing was imported.");
            }
            List<String> header = first.fields();
            for (String required : REQUIRED) {
                if (!header.contains(required)) {
                    throw new HistoryFileException("Line " + first.line() + ": the header has no '" + required
                            + "' column; is this a Linkdesk export? Nothing was imported.");
                }
            }
            return new CsvRecords(reader, csv, header);
        }

        @Override
        public Located next() throws IOException {
            Csv.Row row = csv.next();
            if (row == null) {
                return null;
            }
            if (row.fields().size() != header.size()) {
                throw new HistoryFileException("Line " + row.line() + ": " + row.fields().size() + " fields, but "
                        + "the header has " + header.size() + ". Nothing was imported.");
            }
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                fields.put(header.get(i), row.fields().get(i));
            }
            return new Located("Line " + row.line(), fields);
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
