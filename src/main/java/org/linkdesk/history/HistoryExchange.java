package org.linkdesk.history;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.HistoryStore;
import org.linkdesk.store.ImportResult;
import org.linkdesk.store.ImportedShare;
import org.linkdesk.store.ShareStore;

/**
 * Export and import of the history as CSV or JSON. Exports never hold credentials; full links only when asked
 * (they are bearer tokens). Imports merge, skip shares already present, and are all-or-nothing.
 */
public final class HistoryExchange {
    /** Made on first import or export: Jackson's set-up costs a few hundred ms of a cold start. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final HistoryStore history;
    private final ShareStore shares;

    public HistoryExchange(HistoryStore history, ShareStore shares) {
        this.history = history;
        this.shares = shares;
    }

    /**
     * Writes the shares matching {@code query} (or only {@code ids}, when not null) to {@code file}, replacing it
     * only once complete. With {@code includeUrls} the full links are included (the vault must be unlocked).
     * Returns how many shares were written.
     */
    public long export(HistoryQuery query, long[] ids, ExportFormat format, Path file, boolean includeUrls,
                       Instant now) {
        return export(query, ids, format, file, includeUrls, now, () -> false, written -> { });
    }

    /**
     * As above, reporting the shares written so far and checking {@code cancelled} between shares: cancelling
     * throws {@link java.util.concurrent.CancellationException} and leaves {@code file} as it was (the partial
     * temporary file is deleted).
     */
    public long export(HistoryQuery query, long[] ids, ExportFormat format, Path file, boolean includeUrls,
                       Instant now, BooleanSupplier cancelled, LongConsumer progress) {
        org.linkdesk.core.threads.UiThreadGuard.check("History export");
        Path target = file.toAbsolutePath();
        try {
            Path parent = target.getParent();
            Path temp = Files.createTempFile(parent, ".linkdesk-export", ".tmp");
            try {
                long n;
                try (OutputStream out = Files.newOutputStream(temp)) {
                    n = export(query, ids, format, out, includeUrls, now, cancelled, progress);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return n;
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new HistoryFileException("Could not write " + target + " (" + e.getMessage() + "). Check the "
                    + "folder exists and you may write to it.");
        }
    }

    /** As above, to a stream (left open). */
    public long export(HistoryQuery query, long[] ids, ExportFormat format, OutputStream out, boolean includeUrls,
                       Instant now) throws IOException {
        return export(query, ids, format, out, includeUrls, now, () -> false, written -> { });
    }

    private long export(HistoryQuery query, long[] ids, ExportFormat format, OutputStream out, boolean includeUrls,
                        Instant now, BooleanSupplier cancelled, LongConsumer progress) throws IOException {
        long[] count = {0};
        Consumer<HistoryEntry> step = e -> {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("Cancelled: no file was written.");
            }
            progress.accept(count[0]);
        };
        if (format == ExportFormat.JSON) {
            JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            each(query, ids, now, step.andThen(e -> {
                writeJson(json, ExportedShare.fields(e, e.status(now), includeUrls ? url(e) : null));
                count[0]++;
            }));
            json.writeEndArray();
            json.flush();
        } else {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, UTF_8));
            Csv.write(w, ExportedShare.FIELDS);
            each(query, ids, now, step.andThen(e -> {
                try {
                    Csv.write(w, new ArrayList<>(ExportedShare.fields(e, e.status(now),
                            includeUrls ? url(e) : null).values()));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
                count[0]++;
            }));
            w.flush();
        }
        return count[0];
    }

    private String url(HistoryEntry e) {
        return shares.url(e.id()).orElse(null);
    }

    private void each(HistoryQuery query, long[] ids, Instant now, Consumer<HistoryEntry> action) {
        if (ids == null) {
            history.forEach(query, now, action);
        } else {
            for (long id : ids) {
                history.entry(id).ifPresent(action);
            }
        }
    }

    private static void writeJson(JsonGenerator json, Map<String, String> fields) {
        try {
            json.writeStartObject();
            for (var f : fields.entrySet()) {
                String name = f.getKey();
                String v = f.getValue();
                if (v == null) {
                    json.writeNullField(name);
                } else if (name.equals("id") || name.equals("renewedFrom")) {
                    json.writeNumberField(name, Long.parseLong(v));
                } else if (name.equals("inline")) {
                    json.writeBooleanField(name, Boolean.parseBoolean(v));
                } else if (name.equals("tags")) {
                    json.writeArrayFieldStart(name);
                    for (String tag : v.split(",")) {
                        json.writeString(tag);
                    }
                    json.writeEndArray();
                } else {
                    json.writeStringField(name, v);
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and checks the whole file, then adds its shares in one transaction. */
    public ImportResult importFile(Path file) {
        return importFile(file, () -> false, (done, total) -> { });
    }

    /** Where an import stands: {@code done} of {@code total} shares added or skipped. */
    public interface ImportProgress {
        void handled(long done, long total);
    }

    /**
     * As above, reporting progress and checking {@code cancelled} between shares: cancelling throws
     * {@link java.util.concurrent.CancellationException} and adds nothing (one transaction).
     */
    public ImportResult importFile(Path file, BooleanSupplier cancelled, ImportProgress progress) {
        org.linkdesk.core.threads.UiThreadGuard.check("History import");
        List<ImportedShare> parsed;
        try (InputStream in = Files.newInputStream(file)) {
            parsed = parse(in, looksLikeJson(file) ? ExportFormat.JSON : ExportFormat.CSV);
        } catch (IOException e) {
            throw new HistoryFileException("Could not read " + file + " (" + e.getMessage() + ").");
        }
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("Cancelled: nothing was imported.");
        }
        int total = parsed.size();
        return shares.importShares(parsed, cancelled, done -> progress.handled(done, total));
    }

    private static boolean looksLikeJson(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, UTF_8)) {
            int c;
            while ((c = r.read()) != -1) {
                if (c == '\uFEFF' || Character.isWhitespace(c)) {
                    continue;
                }
                return c == '[' || c == '{';
            }
            return false;
        }
    }

    /** Parses a whole file; throws {@link HistoryFileException} naming the line and field of the first fault. */
    public static List<ImportedShare> parse(InputStream in, ExportFormat format) throws IOException {
        return format == ExportFormat.JSON ? parseJson(in) : parseCsv(in);
    }

    private static List<ImportedShare> parseCsv(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(in, UTF_8));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        List<Csv.Row> rows = Csv.read(reader);
        if (rows.isEmpty()) {
            throw new HistoryFileException("The file is empty: expected a header line such as "
                    + "'id,createdAt,profile,…'. Nothing was imported.");
        }
        List<String> header = rows.get(0).fields();
        for (String required : List.of("createdAt", "accessKeyId", "region", "bucket", "key", "method", "expiresAt")) {
            if (!header.contains(required)) {
                throw new HistoryFileException("Line 1: the header has no '" + required
                        + "' column; is this a Linkdesk export? Nothing was imported.");
            }
        }
        List<ImportedShare> result = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.fields().size() != header.size()) {
                throw new HistoryFileException("Line " + row.line() + ": " + row.fields().size() + " fields, but the "
                        + "header has " + header.size() + ". Nothing was imported.");
            }
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                fields.put(header.get(i), row.fields().get(i));
            }
            result.add(ShareFileParser.parse("Line " + row.line(), fields));
        }
        return result;
    }

    private static List<ImportedShare> parseJson(InputStream in) throws IOException {
        List<ImportedShare> result = new ArrayList<>();
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new HistoryFileException("Line " + parser.currentLocation().getLineNr()
                        + ": expected a JSON array of links. Nothing was imported.");
            }
            int record = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                record++;
                int line = parser.currentLocation().getLineNr();
                String where = "Record " + record + " (line " + line + ")";
                if (token != JsonToken.START_OBJECT) {
                    throw new HistoryFileException(where + ": expected an object. Nothing was imported.");
                }
                JsonNode node = parser.readValueAsTree();
                result.add(ShareFileParser.parse(where, textFields(where, node)));
            }
        } catch (JsonProcessingException e) {
            throw new HistoryFileException("Line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": not valid JSON (" + e.getOriginalMessage()
                    + "). Nothing was imported.");
        }
        return result;
    }

    private static Map<String, String> textFields(String where, JsonNode node) {
        Map<String, String> fields = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var f = it.next();
            JsonNode v = f.getValue();
            if (v.isNull()) {
                continue;
            }
            if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                for (JsonNode item : v) {
                    if (!item.isValueNode()) {
                        throw new HistoryFileException(where + ", field " + f.getKey()
                                + ": expected a list of text. Nothing was imported.");
                    }
                    parts.add(item.asText());
                }
                fields.put(f.getKey(), String.join(",", parts));
            } else if (v.isValueNode()) {
                fields.put(f.getKey(), v.asText());
            } else {
                throw new HistoryFileException(where + ", field " + f.getKey()
                        + ": expected text, a number or true/false. Nothing was imported.");
            }
        }
        return fields;
    }
}
