package org.linkdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Whether a file's link is copied when its upload finishes (default: copy); kept in the {@code settings} table. */
public final class UploadCopySetting {
    static final String KEY = "upload.copy_link";

    private final Database database;

    public UploadCopySetting(Database database) {
        this.database = database;
    }

    public boolean copies() {
        String value = database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT setting_value FROM settings WHERE setting_name = ?")) {
                ps.setString(1, KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        return !"false".equals(value);
    }

    public void setCopies(boolean copy) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO settings (setting_name, setting_value) KEY (setting_name) VALUES (?, ?)")) {
                ps.setString(1, KEY);
                ps.setString(2, Boolean.toString(copy));
                return ps.executeUpdate();
            }
        });
    }
}
