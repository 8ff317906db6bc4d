package org.linkdesk.browse;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** An editable expiry rule: which files ({@code .pdf}, {@code image}) and for how long ({@code 48h}). */
public final class RuleRow {
    private final StringProperty match;
    private final StringProperty expiry;

    public RuleRow(String match, String expiry) {
        this.match = new SimpleStringProperty(match);
        this.expiry = new SimpleStringProperty(expiry);
    }

    public StringProperty matchProperty() { return match; }
    public StringProperty expiryProperty() { return expiry; }
}
