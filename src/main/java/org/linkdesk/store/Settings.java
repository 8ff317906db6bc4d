package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One named value of the {@code settings} table: what every small preference (theme, auto-lock…) stores. */
public final class Settings {
    private final Database database;
    private final String name;

    public Settings(Database database, String name) {
        this.database = database;
        this.name = name;
    }

    /** The stored value, or null when none was stored. */
    public String read() {
        return database.read(this::read);
    }

    public void write(String value) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO settings (setting_name, setting_value) KEY (setting_name) VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, value);
                return ps.executeUpdate();
            }
        });
    }

    private String read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM settings WHERE setting_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
