package org.linkdesk.browse;

import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.linkdesk.links.DownloadNames;

/** One object of a batch: its key and size, the editable download name, the expiry its rule gives, its link. */
public final class BatchRow {
    private final String key;
    private final long size;
    private final StringProperty downloadName;
    private final StringProperty expiry = new SimpleStringProperty("");
    private final ObjectProperty<Instant> expiresAt = new SimpleObjectProperty<>();
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty testResult = new SimpleStringProperty("");

    public BatchRow(String key, long size) {
        this.key = key;
        this.size = size;
        this.downloadName = new SimpleStringProperty(DownloadNames.fileName(key));
    }

    public String key() { return key; }
    public long size() { return size; }
    public StringProperty downloadNameProperty() { return downloadName; }
    public StringProperty expiryProperty() { return expiry; }
    public ObjectProperty<Instant> expiresAtProperty() { return expiresAt; }
    public StringProperty urlProperty() { return url; }
    /** What "Test links" found for this row's link, in plain words (empty before a test). */
    public StringProperty testResultProperty() { return testResult; }
}
