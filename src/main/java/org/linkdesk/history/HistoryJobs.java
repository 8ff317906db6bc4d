package org.linkdesk.history;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.ui.common.Dialogs;
import org.linkdesk.ui.common.StatusMessage;
import org.linkdesk.ui.tasks.TaskRunner;

/**
 * The History tab's file and clean-up jobs: export, import, the expired-links setting and purge. Each asks through
 * {@link Dialogs}, runs as the tab's {@link BackgroundJob} (progress bar, Cancel) and ends with a notice. A
 * cancelled export writes no file, a cancelled import or purge changes nothing (an import deletes its committed
 * steps again).
 */
final class HistoryJobs {
    private static final List<Dialogs.FileType> TYPES = List.of(new Dialogs.FileType("CSV", "*.csv"),
            new Dialogs.FileType("JSON", "*.json"));

    private final HistoryService service;
    private final HistoryExchange exchange;
    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final StatusMessage status;
    private final BackgroundJob job;
    private final Supplier<HistoryQuery> query;
    private final Runnable refresh;
    private final Clock clock;

    HistoryJobs(HistoryService service, HistoryExchange exchange, TaskRunner tasks, Dialogs dialogs,
                StatusMessage status, BackgroundJob job, Supplier<HistoryQuery> query, Runnable refresh) {
        this.service = service;
        this.exchange = exchange;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.status = status;
        this.job = job;
        this.query = query;
        this.refresh = refresh;
        this.clock = service.clock();
    }

    private boolean busy() {
        if (job.isRunning()) {
            status.info("Another job is running: wait for it to finish, or cancel it.");
            return true;
        }
        return false;
    }

    /** Exports {@code selected} (or, when null, everything the current query shows) to a file the user picks. */
    void export(List<HistoryEntry> selected, boolean includeUrls) {
        if (busy()) {
            return;
        }
        Optional<Path> chosen = dialogs.chooseFileToSave(selected == null ? "Export the links shown"
                : "Export the selected links", "linkdesk-history.csv", TYPES);
        if (chosen.isEmpty() || includeUrls && !dialogs.confirm("Export with links", "Include the full links?",
                "Each link works for whoever has it until it expires. Keep the file safe.", "Include links")) {
            return;
        }
        Path file = withKnownExtension(chosen.get());
        HistoryQuery q = query.get();
        long[] ids = selected == null ? null : selected.stream().mapToLong(HistoryEntry::id).toArray();
        long total = ids == null ? -1 : ids.length;
        job.start("Exporting…", tasks.runWithContext(context -> exchange.export(q, ids, ExportFormat.of(file), file,
                includeUrls, clock.instant(), context::isCancelled, written -> {
                    if (written % 100 == 0) {
                        context.progress(written, total);
                        context.message(String.format("Exported %,d %s…", written, links(written)));
                    }
                })).onSuccess(n -> {
                    status.info(String.format("Exported %,d %s to %s.", n, links(n), file));
                    dialogs.notice(String.format("Export written: %,d %s in %s", n, links(n), file.getFileName()));
                }).onCancelled(() -> status.info("Export cancelled: no file was written.")).onError(status::error),
                () -> { });
    }

    private static Path withKnownExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".json") ? file
                : file.resolveSibling(file.getFileName() + ".csv");
    }

    /** Imports a Linkdesk export the user picks: all of it, or (on error or cancel) none of it. */
    void importFile() {
        if (busy()) {
            return;
        }
        Optional<Path> chosen = dialogs.chooseFileToOpen("Import links",
                List.of(new Dialogs.FileType("Linkdesk export", "*.csv", "*.json")));
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        job.start("Reading " + file.getFileName() + "…", tasks.runWithContext(context -> exchange.importFile(file,
                context::isCancelled, (done, total) -> {
                    if (done % 100 == 0) {
                        context.progress(done, total);
                        context.message(String.format("Importing %,d of %,d…", done, total));
                    }
                })).onSuccess(result -> {
                    String text = String.format("Imported %,d %s; %,d already in the history were skipped.",
                            result.imported(), links(result.imported()), result.skipped());
                    status.info(text);
                    dialogs.notice(text);
                    refresh.run();
                }).onCancelled(() -> status.info("Import cancelled: nothing was added.")).onError(status::error),
                () -> { });
    }

    private record Expired(long count, Retention retention) {
    }

    /** The expired-links setting and "purge now", once the number of expired links is known. */
    void expired() {
        tasks.run(() -> new Expired(service.store().countExpired(clock.instant()), service.retention()))
                .onSuccess(this::askAboutExpired).onError(status::error).start();
    }

    private void askAboutExpired(Expired e) {
        List<RetentionChoice> choices = RetentionChoice.offered(e.count());
        String question = String.format("%,d %s in the history %s expired. When a link has expired:", e.count(),
                links(e.count()), e.count() == 1 ? "has" : "have");
        Optional<RetentionChoice> answer = dialogs.choose("Expired links", question, choices,
                RetentionChoice.of(e.retention().mode()), c -> c.label(e.count()));
        if (answer.isEmpty()) {
            return;
        }
        switch (answer.get()) {
            case FOREVER -> saveRetention(Retention.FOREVER);
            case PURGE_AT_EXPIRY -> saveRetention(new Retention(Retention.Mode.PURGE, 0));
            case DAYS -> askDays(e.retention()).ifPresent(days -> saveRetention(new Retention(Retention.Mode.DAYS,
                    days)));
            case PURGE_NOW -> {
                if (dialogs.confirm("Purge expired links", String.format("Delete %,d expired %s from the history?",
                        e.count(), links(e.count())), "They no longer work. This cannot be undone; export them "
                        + "first if you want a record.", "Purge")) {
                    purge(e.count());
                }
            }
        }
    }

    private Optional<Integer> askDays(Retention current) {
        String initial = String.valueOf(current.mode() == Retention.Mode.DAYS ? current.days() : 30);
        Optional<String> text = dialogs.textInput("Expired links", "Keep expired links for how many days after "
                + "they expired? (1 to 36,500)", initial);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int days = Integer.parseInt(text.get().replace(",", ""));
            if (days >= 1 && days <= 36_500) {
                return Optional.of(days);
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        dialogs.error("Expired links", "\u201c" + text.get() + "\u201d is not a number of days from 1 to 36,500. "
                + "The setting was not changed.");
        return Optional.empty();
    }

    /** Saves the retention setting and applies it at once. */
    void saveRetention(Retention retention) {
        tasks.run(() -> {
            service.setRetention(retention);
            return service.applyRetention();
        }).onSuccess(n -> {
            status.info(retention.describe() + (n > 0 ? String.format(" %,d expired links removed.", n) : ""));
            if (n > 0) {
                refresh.run();
            }
        }).onError(status::error).start();
    }

    /** Deletes every expired share now: all of them, or none when cancelled. */
    void purge(long expected) {
        if (busy()) {
            return;
        }
        job.start("Purging…", tasks.runWithContext(context -> service.store().purgeExpired(clock.instant(),
                context::isCancelled, deleted -> {
                    context.progress(deleted, expected);
                    context.message(String.format("Purging %,d of %,d…", deleted, expected));
                })).onSuccess(n -> {
                    status.info(String.format("Purged %,d expired %s.", n, links(n)));
                    dialogs.notice(String.format("%,d expired %s purged", n, links(n)));
                    refresh.run();
                }).onCancelled(() -> status.info("Purge cancelled: nothing was deleted.")).onError(status::error),
                () -> { });
    }

    private static String links(long n) {
        return n == 1 ? "link" : "links";
    }
}
