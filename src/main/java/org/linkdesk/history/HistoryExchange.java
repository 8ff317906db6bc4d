package org.linkdesk.history;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.HistoryRepository;
import org.linkdesk.store.LinkUrls;
import org.linkdesk.store.ImportResult;
import org.linkdesk.store.ShareStore;
import org.linkdesk.store.StoreException;

/**
 * Export and import of the history as CSV or JSON. Exports never hold credentials; full links only when asked
 * (they are bearer tokens). Imports merge, skip shares already present, and are all-or-nothing.
 */
public final class HistoryExchange {
    private final HistoryRepository history;
    private final ShareStore shares;
    private final LinkUrls urls;

    public HistoryExchange(HistoryRepository history, ShareStore shares) {
        this(history, shares, shares);
    }

    /**
     * @param shares where imports go (the personal history)
     * @param urls   opens the full links of {@code history}'s rows for exports that include them
     */
    public HistoryExchange(HistoryRepository history, ShareStore shares, LinkUrls urls) {
        this.history = history;
        this.shares = shares;
        this.urls = urls;
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
        return urls.url(e.id()).orElse(null);
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

    /**
     * Reads and checks the whole file (streaming, in bounded memory), then adds its shares (in small commits that
     * stand or fall together), reading the file again: a fault anywhere leaves the history untouched, and no file
     * size exhausts memory.
     */
    public ImportResult importFile(Path file) {
        return importFile(file, () -> false, (done, total) -> { });
    }

    /** Where an import stands: {@code done} of {@code total} shares added or skipped. */
    public interface ImportProgress {
        void handled(long done, long total);
    }

    /**
     * As above, reporting progress and checking {@code cancelled} between shares: cancelling throws
     * {@link java.util.concurrent.CancellationException} and adds nothing (the steps committed so far are deleted
     * again).
     */
    public ImportResult importFile(Path file, BooleanSupplier cancelled, ImportProgress progress) {
        org.linkdesk.core.threads.UiThreadGuard.check("History import");
        ImportSpace.requireLeast(file, shares.directory());
        long rows;
        try (ImportReader check = ImportReader.open(file)) {
            while (check.hasNext()) {
                if (cancelled.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException("Cancelled: nothing was imported.");
                }
                check.next();
            }
            rows = check.count();
        }
        if (rows == 0) {
            return new ImportResult(0, 0);
        }
        ImportSpace.require(file, shares.directory(), shares.importRebuildsIndexes(rows));
        try {
            return shares.importShares(() -> new CancellableFeed(ImportReader.open(file), cancelled, progress, rows),
                    rows);
        } catch (StoreException e) {
            throw ImportSpace.explain(e, shares.directory());
        }
    }
}
