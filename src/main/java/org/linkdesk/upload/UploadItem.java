package org.linkdesk.upload;

import java.nio.file.Path;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One row of the upload queue: the file, where it goes, and how far it got (changed on the UI thread only). */
public final class UploadItem {
    /** Where a queued file stands. */
    public enum State {
        QUEUED("Waiting"), UPLOADING("Uploading"), PAUSED("Paused"), DONE("Done"), SKIPPED("Skipped"),
        CANCELLED("Cancelled"), FAILED("Failed");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Path file;
    private final String bucket;
    private final StringProperty key = new SimpleStringProperty();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.QUEUED);
    private final DoubleProperty fraction = new SimpleDoubleProperty();
    private final StringProperty detail = new SimpleStringProperty("");
    private final StringProperty link = new SimpleStringProperty();
    private volatile UploadControl control = new UploadControl();

    UploadItem(Path file, String bucket, String key) {
        this.file = file;
        this.bucket = bucket;
        this.key.set(key);
    }

    public Path file() {
        return file;
    }

    public String name() {
        return String.valueOf(file.getFileName());
    }

    public String bucket() {
        return bucket;
    }

    public StringProperty keyProperty() {
        return key;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public DoubleProperty fractionProperty() {
        return fraction;
    }

    /** "12.5 MiB/s · 0:42 left", or why it failed. */
    public StringProperty detailProperty() {
        return detail;
    }

    /** The link once made, else null. */
    public StringProperty linkProperty() {
        return link;
    }

    UploadControl control() {
        return control;
    }

    UploadControl freshControl() {
        control = new UploadControl();
        return control;
    }
}
