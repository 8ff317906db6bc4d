package org.linkdesk.handover;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.store.Database;

/** The format "Copy" and Ctrl+C use for a link (URL unless the user chose another); kept in the settings table. */
public final class CopyFormatSetting {
    static final String KEY = "ui.copyFormat";
    private final Database database;

    public CopyFormatSetting(Database database) {
        this.database = database;
    }

    /** The stored format; {@link LinkFormat#URL} when none was stored or the value is unknown. */
    public LinkFormat format() {
        String value = database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT setting_value FROM settings WHERE setting_name = ?")) {
                ps.setString(1, KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (value == null) {
            return LinkFormat.URL;
        }
        try {
            return LinkFormat.parse(value);
        } catch (InvalidInputException e) {
            return LinkFormat.URL;
        }
    }

    public void setFormat(LinkFormat format) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO settings (setting_name, setting_value) KEY (setting_name) VALUES (?, ?)")) {
                ps.setString(1, KEY);
                ps.setString(2, format.id());
                return ps.executeUpdate();
            }
        });
    }
}
