package org.linkdesk.browse;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.linkdesk.core.s3.ListedObject;
import org.linkdesk.core.sign.Durations;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.handover.LinkTester;
import org.linkdesk.handover.ui.LinkTests;
import org.linkdesk.links.BatchExport;
import org.linkdesk.links.BatchItem;
import org.linkdesk.links.BatchMonitor;
import org.linkdesk.links.ExpiryRule;
import org.linkdesk.links.ExpiryRules;
import org.linkdesk.links.GeneratedLink;
import org.linkdesk.links.LinkService;
import org.linkdesk.ui.common.Formats;
import org.linkdesk.ui.tasks.TaskContext;
import org.linkdesk.ui.tasks.TaskHandle;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.TextClipboard;
import org.linkdesk.ui.common.UserMessages;

/**
 * The batch dialog: expiry rules by file type, per-object download names, then one batch of links recorded in
 * the history all at once (or not at all), with progress and Cancel; then Copy all and exports.
 */
public final class BatchLinkViewModel {
    private final String bucket;
    private final LinkService links;
    private final TaskRunner tasks;
    private final TextClipboard clipboard;
    private final Supplier<BrowseTarget> target;
    private final ObservableList<RuleRow> rules = FXCollections.observableArrayList(
            r -> new Observable[] {r.matchProperty(), r.expiryProperty()});
    private final StringProperty fallback = new SimpleStringProperty("24h");
    private final StringProperty note = new SimpleStringProperty("");
    private final ObservableList<BatchRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper rulesProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
    private final LinkTests linkTests;
    private List<GeneratedLink> made = List.of();
    private TaskHandle generating = TaskHandle.DONE;
    private Consumer<List<GeneratedLink>> onGenerated = l -> { };

    public BatchLinkViewModel(String bucket, List<ListedObject> objects, LinkService links, TaskRunner tasks,
                              TextClipboard clipboard, Supplier<BrowseTarget> target) {
        this(bucket, objects, links, tasks, clipboard, target, LinkTester.createDefault());
    }

    public BatchLinkViewModel(String bucket, List<ListedObject> objects, LinkService links, TaskRunner tasks,
                              TextClipboard clipboard, Supplier<BrowseTarget> target, LinkTester tester) {
        this.linkTests = new LinkTests(tester, tasks);
        this.bucket = bucket;
        this.links = links;
        this.tasks = tasks;
        this.clipboard = clipboard;
        this.target = target;
        ExpiryRules defaults = ExpiryRules.defaults();
        defaults.rules().forEach(r -> rules.add(new RuleRow(r.match(), shortDuration(r.expiry()))));
        fallback.set(shortDuration(defaults.fallback()));
        objects.forEach(o -> rows.add(new BatchRow(o.key(), o.size())));
        rules.addListener((javafx.collections.ListChangeListener<RuleRow>) c -> applyRules());
        fallback.addListener(o -> applyRules());
        applyRules();
    }

    /** "48h", "7d", "90m": whole days from 3 days up, else whole hours, else Durations' form. */
    static String shortDuration(Duration d) {
        long s = d.getSeconds();
        if (s % 86_400 == 0 && s >= 3 * 86_400) {
            return s / 86_400 + "d";
        }
        if (s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        return Durations.format(d);
    }

    public void setOnGenerated(Consumer<List<GeneratedLink>> onGenerated) {
        this.onGenerated = onGenerated;
    }

    /** The rules as typed, or null (with {@link #rulesProblemProperty()} set) when one cannot be used. */
    ExpiryRules currentRules() {
        try {
            List<ExpiryRule> parsed = new ArrayList<>();
            for (RuleRow r : rules) {
                if (r.matchProperty().get() == null || r.matchProperty().get().isBlank()) {
                    continue;
                }
                parsed.add(ExpiryRule.parse(r.matchProperty().get().strip() + "=" + r.expiryProperty().get()));
            }
            ExpiryRules result = new ExpiryRules(parsed, Durations.parse(fallback.get()));
            rulesProblem.set(null);
            return result;
        } catch (IllegalArgumentException e) {
            rulesProblem.set(e.getMessage());
            return null;
        }
    }

    private void applyRules() {
        ExpiryRules r = currentRules();
        for (BatchRow row : rows) {
            row.expiryProperty().set(r == null ? "—" : Formats.roughly(r.expiryFor(row.key())));
        }
    }

    public void addRule() {
        rules.add(new RuleRow(".zip", "12h"));
    }

    public void removeRule(RuleRow rule) {
        rules.remove(rule);
    }

    /** Signs every link, then records them all in one transaction. */
    public void make() {
        ExpiryRules r = currentRules();
        if (r == null || running.get() || done.get() || rows.isEmpty()) {
            return;
        }
        List<BatchItem> items = new ArrayList<>(rows.size());
        for (BatchRow row : rows) {
            items.add(new BatchItem(bucket, row.key(), new LinkOptions(null, r.expiryFor(row.key()),
                    row.downloadNameProperty().get(), false, null, null, null)));
        }
        String n = note.get();
        running.set(true);
        progress.set(0);
        info(String.format(Locale.ROOT, "Making %,d links…", items.size()));
        generating = tasks.runWithContext(context -> links.generateAll(target.get().identity(), items, n,
                monitor(context))).onSuccess(result -> {
            made = result;
            for (int i = 0; i < result.size(); i++) {
                rows.get(i).urlProperty().set(result.get(i).url().url());
                rows.get(i).expiresAtProperty().set(result.get(i).expiry().expiresAt());
            }
            progress.set(1);
            done.set(true);
            info(String.format(Locale.ROOT, "%,d links made and saved in the history.", result.size()));
            onGenerated.accept(result);
        }).onError(e -> {
            progress.set(0);
            error(UserMessages.describe(e) + " No link of this batch was saved.");
        }).onCancelled(() -> {
            progress.set(0);
            info("Cancelled. No link of this batch was saved.");
        }).andFinally(() -> running.set(false)).start();
        TaskHandle task = generating;
        task.addListener(() -> {
            if (task.isRunning() && task.progress() >= 0) {
                progress.set(task.progress());
            }
        });
    }

    public void cancel() {
        generating.cancel();
    }

    /** The task's cancel signal and progress, as the service's batch monitor (progress shown in whole percents). */
    private static BatchMonitor monitor(TaskContext context) {
        long[] shown = {-1};
        return new BatchMonitor() {
            @Override
            public boolean isCancelled() {
                return context.isCancelled();
            }

            @Override
            public void progress(long step, long total) {
                long percent = step * 100 / Math.max(1, total);
                if (percent != shown[0]) {
                    shown[0] = percent;
                    context.progress(step, total);
                }
            }
        };
    }

    /** The links of {@code rows} that were made, one per line, on the clipboard. */
    public void copy(List<BatchRow> rows) {
        List<String> urls = rows.stream().map(r -> r.urlProperty().get()).filter(u -> u != null && !u.isEmpty())
                .toList();
        if (!urls.isEmpty()) {
            clipboard.put(String.join("\n", urls));
            info(urls.size() == 1 ? "Link copied." : String.format(Locale.ROOT, "%,d links copied, one per line.",
                    urls.size()));
        }
    }

    /** Every link, one per line, on the clipboard. */
    /** Tests every made link without changing anything; each row shows its diagnosis. */
    public void testAll() {
        List<GeneratedLink> links = made;
        int[] open = {links.size()};
        int[] failing = {0};
        info(String.format(Locale.ROOT, "Testing %,d links…", links.size()));
        for (int i = 0; i < links.size(); i++) {
            GeneratedLink link = links.get(i);
            BatchRow row = rows.get(i);
            row.testResultProperty().set("Testing…");
            Runnable finished = () -> {
                if (--open[0] == 0) {
                    String text = failing[0] == 0 ? "Every link works." : String.format(Locale.ROOT,
                            "%,d of %,d links do not work; see the Test column.", failing[0], links.size());
                    if (failing[0] == 0) { info(text); } else { error(text); }
                }
            };
            linkTests.test(() -> java.util.Optional.of(link.url().url()), link.share().method(),
                    link.share().options().contentType(), result -> {
                        row.testResultProperty().set(LinkTests.describe(result));
                        failing[0] += result.ok() ? 0 : 1;
                        finished.run();
                    }, problem -> {
                        row.testResultProperty().set(problem);
                        failing[0]++;
                        finished.run();
                    });
        }
    }

    public void copyAll() {
        if (!made.isEmpty()) {
            clipboard.put(BatchExport.urls(made));
            info(String.format(Locale.ROOT, "%,d links copied, one per line.", made.size()));
        }
    }

    public void exportCsv(Path file) {
        export(file, () -> BatchExport.writeCsv(file, made));
    }

    public void exportJson(Path file) {
        export(file, () -> BatchExport.writeJson(file, made));
    }

    private interface FileWork {
        void write() throws IOException;
    }

    private void export(Path file, FileWork work) {
        if (made.isEmpty()) {
            return;
        }
        tasks.run(() -> {
            work.write();
            return file;
        }).onSuccess(f -> info("Saved " + f.getFileName() + "."))
                .onError(e -> error("Could not save " + file.getFileName() + ": "
                + (e instanceof IOException io ? io.getMessage() : UserMessages.describe(e)))).start();
    }

    private void info(String text) {
        messageIsError.set(false);
        message.set(text);
    }

    private void error(String text) {
        messageIsError.set(true);
        message.set(text);
    }

    public String bucket() { return bucket; }
    public List<GeneratedLink> made() { return made; }
    public ObservableList<RuleRow> rules() { return rules; }
    public StringProperty fallbackProperty() { return fallback; }
    public StringProperty noteProperty() { return note; }
    public ObservableList<BatchRow> rows() { return rows; }
    public ReadOnlyStringProperty rulesProblemProperty() { return rulesProblem.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty messageIsErrorProperty() { return messageIsError.getReadOnlyProperty(); }
}
