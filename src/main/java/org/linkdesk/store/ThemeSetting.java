package org.linkdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;

/** The window theme the user chose (Light, Dark, or follow the system); kept in the {@code settings} table. */
public final class ThemeSetting {
    static final String KEY = "ui.theme";

    /** The choices. */
    public enum Choice {
        LIGHT("Light"), DARK("Dark"), SYSTEM("Follow the system");

        private final String label;

        Choice(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Database database;

    public ThemeSetting(Database database) {
        this.database = database;
    }

    /** The stored choice; {@link Choice#SYSTEM} when none was stored or the value is unknown. */
    public Choice choice() {
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
            return Choice.SYSTEM;
        }
        try {
            return Choice.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Choice.SYSTEM;
        }
    }

    public void setChoice(Choice choice) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO settings (setting_name, setting_value) KEY (setting_name) VALUES (?, ?)")) {
                ps.setString(1, KEY);
                ps.setString(2, choice.name().toLowerCase(Locale.ROOT));
                return ps.executeUpdate();
            }
        });
    }
}
