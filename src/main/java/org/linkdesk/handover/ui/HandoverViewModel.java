package org.linkdesk.handover.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.handover.HandoverLink;
import org.linkdesk.handover.LinkFormat;
import org.linkdesk.handover.LinkFormatter;
import org.linkdesk.handover.LinkTestResult;
import org.linkdesk.handover.LinkTester;
import org.linkdesk.handover.PngWriter;
import org.linkdesk.handover.QrMatrix;
import org.linkdesk.ui.tasks.TaskHandle;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.TextClipboard;
import org.linkdesk.ui.common.UserMessages;

/**
 * Hands the current link over: copy it in any {@link LinkFormat}, show it as a QR code and save that as PNG, and
 * test it (in the background) with a diagnosis in plain words.
 */
public final class HandoverViewModel {
    private final LinkTester tester;
    private final TaskRunner tasks;
    private final TextClipboard clipboard;
    private final LinkFormatter formatter = new LinkFormatter();
    private final ObjectProperty<HandoverLink> link = new SimpleObjectProperty<>();
    private final ObjectProperty<LinkFormat> defaultFormat = new SimpleObjectProperty<>(LinkFormat.URL);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** What the QR dialog says about its own Save (kept apart from the form's messages). */
    private final ReadOnlyStringWrapper qrMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LinkTestResult> testResult = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding hasLink = link.isNotNull();
    /** The running test; discarded when the link changes so an older link's answer is dropped. */
    private TaskHandle test = TaskHandle.DONE;

    public HandoverViewModel(LinkTester tester, TaskRunner tasks, TextClipboard clipboard) {
        this.tester = tester;
        this.tasks = tasks;
        this.clipboard = clipboard;
        link.addListener(o -> {
            test.discard();
            testResult.set(null);
            message.set("");
            testing.set(false);
        });
    }

    /** Copies the link in {@code format}; returns the text copied (empty without a link). */
    public String copy(LinkFormat format) {
        HandoverLink current = link.get();
        if (current == null) {
            return "";
        }
        String text = formatter.format(format, current);
        clipboard.put(text);
        message.set("Copied as " + format.label() + ".");
        return text;
    }

    public String copyDefault() {
        return copy(defaultFormat.get());
    }

    /** The link's QR code; throws {@link org.linkdesk.core.sign.InvalidInputException} when it is too long. */
    public QrMatrix qr() {
        qrMessage.set("");
        return QrMatrix.encode(link.get().url());
    }

    /** Saves {@code qr} as a PNG at {@code file} in the background (whole or not at all). */
    public void savePng(QrMatrix qr, Path file) {
        tasks.run(() -> {
            Path target = file.toAbsolutePath();
            Path temp = Files.createTempFile(target.getParent(), ".linkdesk-qr", ".png");
            try {
                Files.write(temp, new PngWriter().png(qr, 8));
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        }).onSuccess(saved -> qrMessage.set("QR code saved as " + saved.getFileName() + "."))
                .onError(e -> qrMessage.set("The QR code could not be saved: " + UserMessages.describe(e))).start();
    }

    /** Tests the link without changing anything; the answer lands in {@link #testResultProperty()}. */
    public void test() {
        HandoverLink current = link.get();
        if (current == null || current.method() == HttpMethod.DELETE) {
            message.set(current == null ? "" : "A DELETE link cannot be tested without deleting the object.");
            return;
        }
        test.discard();
        testing.set(true);
        testResult.set(null);
        message.set("Testing the link…");
        String contentType = current.headers().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("Content-Type")).map(java.util.Map.Entry::getValue)
                .findFirst().orElse(null);
        test = tasks.run(() -> tester.test(current.url(), current.method(), contentType)).onSuccess(result -> {
            testResult.set(result);
            message.set(result.diagnosis().title() + ": " + result.detail());
        }).onError(e -> message.set("The test failed: " + UserMessages.describe(e)))
                .andFinally(() -> testing.set(false)).start();
    }

    public ObjectProperty<HandoverLink> linkProperty() {
        return link;
    }

    public ObjectProperty<LinkFormat> defaultFormatProperty() {
        return defaultFormat;
    }

    public ReadOnlyStringProperty qrMessageProperty() {
        return qrMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LinkTestResult> testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public BooleanBinding hasLinkProperty() {
        return hasLink;
    }

    /** Whether the last test found the link working: for a style class. */
    public BooleanBinding testFailedProperty() {
        return Bindings.createBooleanBinding(() -> testResult.get() != null && !testResult.get().ok(), testResult);
    }

}
