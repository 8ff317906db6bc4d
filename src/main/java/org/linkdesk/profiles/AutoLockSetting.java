package org.linkdesk.profiles;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.store.Database;

/** After how many idle minutes the window locks itself (0: never); kept in the {@code settings} table. */
public final class AutoLockSetting {
    static final String KEY = "security.auto_lock_minutes";
    public static final int DEFAULT_MINUTES = 15;
    public static final int MAX_MINUTES = 24 * 60;

    private final Database database;

    public AutoLockSetting(Database database) {
        this.database = database;
    }

    public int minutes() {
        String value = database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT setting_value FROM settings WHERE setting_name = ?")) {
                ps.setString(1, KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        try {
            return value == null ? DEFAULT_MINUTES : Math.max(0, Math.min(MAX_MINUTES, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return DEFAULT_MINUTES;
        }
    }

    public void setMinutes(int minutes) {
        if (minutes < 0 || minutes > MAX_MINUTES) {
            throw new InvalidInputException("Auto-lock takes 0 (never) to " + MAX_MINUTES + " minutes.");
        }
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO settings (setting_name, setting_value) KEY (setting_name) VALUES (?, ?)")) {
                ps.setString(1, KEY);
                ps.setString(2, Integer.toString(minutes));
                return ps.executeUpdate();
            }
        });
    }
}
