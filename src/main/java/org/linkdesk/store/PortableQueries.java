package org.linkdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read queries the personal (H2) and team (PostgreSQL) history stores run alike. */
public final class PortableQueries {
    private PortableQueries() {
    }

    /**
     * Up to {@code limit} distinct values of {@code column} of {@code share}, ascending: an index-ordered skip scan,
     * one seek per value, not a scan of every row. {@code column} must be one the caller checked against its list.
     */
    public static List<String> distinct(SqlAccess database, String column, int limit) {
        return database.read(c -> {
            List<String> values = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(" + column + ") FROM share WHERE "
                    + column + " > ?")) {
                String last = "";
                while (values.size() < limit) {
                    ps.setString(1, last);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next() || rs.getString(1) == null) {
                            break;
                        }
                        last = rs.getString(1);
                        values.add(last);
                    }
                }
            }
            return values;
        });
    }

    /** The value of setting {@code name} in the {@code settings} table, if set. */
    public static Optional<String> setting(SqlAccess database, String name) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT setting_value FROM settings WHERE setting_name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
