package org.linkdesk.protectedlinks;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.linkdesk.core.sign.Durations;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.shares.DownloadRecord;
import org.linkdesk.shares.NewProtectedShare;
import org.linkdesk.shares.ProtectedShare;
import org.linkdesk.shares.ProtectedShareService;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.TextClipboard;
import org.linkdesk.ui.common.UserMessages;

/**
 * "Protected links": make a gateway link (password, limit, expiry), list them with downloads/limit and last download,
 * revoke one, read its download log; the gateway's public URL and whether it answers.
 */
public final class ProtectedLinksViewModel {
    /** The object's size in bytes, or null when it cannot be asked (no profile); may throw an S3 error. */
    public interface ObjectSizes extends BiFunction<String, String, Long> {
    }

    private final ProtectedShareService shares;
    private final Function<org.linkdesk.shares.NewProtectedShare, ProtectedShare> creator;
    private final Function<String, String> probe;
    private final ObjectSizes sizes;
    private final Supplier<String> owner;
    private final TaskRunner tasks;
    private final TextClipboard clipboard;

    private final StringProperty bucket = new SimpleStringProperty("");
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty expires = new SimpleStringProperty("7d");
    private final StringProperty maxDownloads = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty createdLink = new SimpleStringProperty("");
    private final StringProperty gatewayUrl = new SimpleStringProperty("");
    private final StringProperty gatewayStatus = new SimpleStringProperty("");
    private final BooleanProperty gatewayProblem = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsError = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<ProtectedShareRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ProtectedShareRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<DownloadRecord> log = FXCollections.observableArrayList();
    private final StringProperty logTitle = new SimpleStringProperty("Select a link to see its downloads.");

    public ProtectedLinksViewModel(ProtectedShareService shares, Function<String, String> probe, ObjectSizes sizes,
                                   Supplier<String> owner, TaskRunner tasks, TextClipboard clipboard) {
        this(shares, shares::create, probe, sizes, owner, tasks, clipboard);
    }

    /** @param creator makes the share (and, in the app, records it in the History too) */
    public ProtectedLinksViewModel(ProtectedShareService shares,
                                   Function<org.linkdesk.shares.NewProtectedShare, ProtectedShare> creator,
                                   Function<String, String> probe, ObjectSizes sizes,
                                   Supplier<String> owner, TaskRunner tasks, TextClipboard clipboard) {
        this.creator = creator;
        this.shares = shares;
        this.probe = probe;
        this.sizes = sizes;
        this.owner = owner;
        this.tasks = tasks;
        this.clipboard = clipboard;
        selected.addListener((o, was, now) -> loadLog(now));
    }

    /** Prefills the object (from the link form or Browse). */
    public void fill(String bucketName, String objectKey) {
        bucket.set(bucketName == null ? "" : bucketName);
        key.set(objectKey == null ? "" : objectKey);
        createdLink.set("");
    }

    /** Loads the gateway URL, checks the gateway and lists the links. */
    public void refresh() {
        run(() -> new Loaded(shares.publicUrl().orElse(""), shares.list(null), shares.clock().instant()), loaded -> {
            if (gatewayUrl.get().isBlank()) {
                gatewayUrl.set(loaded.url());
            }
            showRows(loaded.shares(), loaded.now());
            checkGateway();
        });
    }

    private record Loaded(String url, List<ProtectedShare> shares, Instant now) {
    }

    public void saveGatewayUrl() {
        String url = gatewayUrl.get();
        run(() -> shares.setPublicUrl(url), saved -> {
            gatewayUrl.set(saved);
            say("Saved the gateway URL.", false);
            checkGateway();
        });
    }

    public void checkGateway() {
        String url = gatewayUrl.get();
        if (url == null || url.isBlank()) {
            gatewayStatus.set("Set the address people reach your gateway at ('linkdesk serve').");
            gatewayProblem.set(true);
            return;
        }
        gatewayStatus.set("Checking the gateway…");
        tasks.run(() -> probe.apply(url)).onSuccess(problem -> {
            gatewayProblem.set(problem != null);
            gatewayStatus.set(problem == null ? "The gateway answers at " + url + "." : problem);
        }).onError(e -> {
            gatewayProblem.set(true);
            gatewayStatus.set(UserMessages.describe(e));
        }).start();
    }

    public void create() {
        String b = bucket.get().strip();
        String k = key.get();
        String exp = expires.get();
        String max = maxDownloads.get().strip();
        char[] pw = password.get().toCharArray();
        String who = owner.get();
        run(() -> {
            if (b.isEmpty() || k.isEmpty()) {
                throw new InvalidInputException("Choose the bucket and the key of the object to share.");
            }
            Integer limit = max.isEmpty() ? null : parseLimit(max);
            shares.requirePublicUrl();
            Long size = sizes.apply(b, k);
            ProtectedShare made = creator.apply(new NewProtectedShare(who, b, k, null, size, Durations.parse(exp),
                    limit, pw, null));
            java.util.Arrays.fill(pw, '\0');
            return new Created(shares.link(made), shares.list(null), shares.clock().instant());
        }, created -> {
            password.set("");
            createdLink.set(created.link());
            clipboard.put(created.link());
            showRows(created.shares(), created.now());
            say("Protected link made and copied.", false);
        });
    }

    private record Created(String link, List<ProtectedShare> shares, Instant now) {
    }

    public void copyCreated() {
        if (!createdLink.get().isEmpty()) {
            clipboard.put(createdLink.get());
            say("Copied.", false);
        }
    }

    /** Stops the selected link: the gateway answers 410 from the next request. */
    public void revokeSelected() {
        ProtectedShareRow row = selected.get();
        if (row == null) {
            return;
        }
        run(() -> {
            shares.revoke(row.share().id());
            return new Loaded("", shares.list(null), shares.clock().instant());
        }, loaded -> {
            showRows(loaded.shares(), loaded.now());
            say("Revoked " + row.share().fileName() + ": its link no longer works.", false);
        });
    }

    private void loadLog(ProtectedShareRow row) {
        log.clear();
        if (row == null) {
            logTitle.set("Select a link to see its downloads.");
            return;
        }
        tasks.run(() -> shares.downloads(row.share().id())).onSuccess(records -> {
            log.setAll(records);
            logTitle.set(records.isEmpty() ? "No downloads of " + row.share().fileName() + " yet."
                    : records.size() + (records.size() == 1 ? " download" : " downloads") + " of "
                    + row.share().fileName());
        }).onError(e -> say(UserMessages.describe(e), true)).start();
    }

    private void showRows(List<ProtectedShare> list, Instant now) {
        String keep = selected.get() == null ? null : selected.get().share().id();
        rows.setAll(list.stream().map(s -> new ProtectedShareRow(s, now)).toList());
        if (keep != null) {
            rows.stream().filter(r -> r.share().id().equals(keep)).findFirst().ifPresent(selected::set);
        }
    }

    private static Integer parseLimit(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("The download limit is a whole number such as 5 (or empty for none).");
        }
    }

    private <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done) {
        busy.set(true);
        tasks.run(work).onSuccess(done::accept).onError(e -> say(UserMessages.describe(e), true))
                .andFinally(() -> busy.set(false)).start();
    }

    private void say(String text, boolean error) {
        message.set(text);
        messageIsError.set(error);
    }

    public StringProperty bucketProperty() { return bucket; }
    public StringProperty keyProperty() { return key; }
    public StringProperty expiresProperty() { return expires; }
    public StringProperty maxDownloadsProperty() { return maxDownloads; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty createdLinkProperty() { return createdLink; }
    public StringProperty gatewayUrlProperty() { return gatewayUrl; }
    public StringProperty gatewayStatusProperty() { return gatewayStatus; }
    public BooleanProperty gatewayProblemProperty() { return gatewayProblem; }
    public StringProperty messageProperty() { return message; }
    public BooleanProperty messageIsErrorProperty() { return messageIsError; }
    public BooleanProperty busyProperty() { return busy; }
    public ObservableList<ProtectedShareRow> rows() { return rows; }
    public ObjectProperty<ProtectedShareRow> selectedProperty() { return selected; }
    public ObservableList<DownloadRecord> log() { return log; }
    public StringProperty logTitleProperty() { return logTitle; }
}
