package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Secondary indexes of a table dropped for a bulk write and built again afterwards, each with one sorted pass.
 * Inserting many rows one at a time into an index on a column in no particular order (key, note, recipient) dirties
 * a different index page per row, and H2 writes every dirty page again at each store (every few dozen rows); as it
 * no longer compacts in place, those copies stay in the file until it is closed. An index created over a filled
 * table is written once.
 *
 * <p>A definition is saved in {@code paused_index} (committed) before its index is dropped and deleted only once
 * the index exists again, so a process killed in between leaves a record that {@link #restore} (run on every open)
 * finds. Dropping or creating an index never changes a row: the bulk write itself stays one transaction.
 */
final class PausedIndexes {
    private PausedIndexes() {
    }

    /**
     * Saves (in {@code c}'s transaction, for the caller to commit) the definitions of {@code table}'s plain
     * secondary indexes, except those whose first column is in {@code keepLeading} and those backing a constraint.
     * Returns their names.
     */
    static List<String> save(Connection c, String table, Set<String> keepLeading) throws SQLException {
        Map<String, String> definitions = definitions(c, table, keepLeading);
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO paused_index (index_name, definition) KEY (index_name) VALUES (?, ?)")) {
            for (var d : definitions.entrySet()) {
                ps.setString(1, d.getKey());
                ps.setString(2, d.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return new ArrayList<>(definitions.keySet());
    }

    /** Drops the saved indexes (each drop commits, as DDL does in H2). */
    static void dropSaved(Connection c) throws SQLException {
        for (String name : saved(c).keySet()) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP INDEX IF EXISTS " + name);
            }
        }
    }

    /** Creates every saved index that is missing and forgets its definition. Returns how many were saved. */
    static int restore(Connection c) throws SQLException {
        Map<String, String> saved = saved(c);
        for (var d : saved.entrySet()) {
            try (Statement st = c.createStatement()) {
                st.execute(d.getValue());
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM paused_index WHERE index_name = ?")) {
                ps.setString(1, d.getKey());
                ps.executeUpdate();
            }
        }
        return saved.size();
    }

    private static Map<String, String> saved(Connection c) throws SQLException {
        Map<String, String> saved = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT index_name, definition FROM paused_index ORDER BY index_name")) {
            while (rs.next()) {
                saved.put(rs.getString(1), rs.getString(2));
            }
        }
        return saved;
    }

    /** Index name (quoted, with its schema) to its CREATE INDEX IF NOT EXISTS statement, read from the catalog. */
    static Map<String, String> definitions(Connection c, String table, Set<String> keepLeading) throws SQLException {
        Map<String, StringBuilder> columns = new LinkedHashMap<>();
        Map<String, String> prefixes = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.index_schema, i.index_name, i.table_schema, "
                + "k.column_name, k.ordering_specification, k.null_ordering "
                + "FROM information_schema.indexes i JOIN information_schema.index_columns k "
                + "ON k.index_schema = i.index_schema AND k.index_name = i.index_name "
                + "WHERE i.table_schema = SCHEMA() AND i.table_name = ? AND i.index_type_name = 'INDEX' "
                + "AND NOT i.is_generated AND i.index_name NOT IN (SELECT index_name FROM "
                + "information_schema.table_constraints WHERE index_name IS NOT NULL) "
                + "ORDER BY i.index_name, k.ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = quote(rs.getString(1)) + "." + quote(rs.getString(2));
                    StringBuilder cols = columns.get(name);
                    if (!columns.containsKey(name)) {
                        // The first column decides: an index kept is left out whole.
                        cols = keepLeading.contains(rs.getString(4)) ? null : new StringBuilder();
                        columns.put(name, cols);
                        prefixes.put(name, "CREATE INDEX IF NOT EXISTS " + name + " ON " + quote(rs.getString(3))
                                + "." + quote(table) + " (");
                    } else if (cols != null) {
                        cols.append(", ");
                    }
                    if (cols == null) {
                        continue;
                    }
                    cols.append(quote(rs.getString(4))).append(' ').append(rs.getString(5));
                    if (rs.getString(6) != null) {
                        cols.append(" NULLS ").append(rs.getString(6));
                    }
                }
            }
        }
        Map<String, String> definitions = new LinkedHashMap<>();
        for (var e : columns.entrySet()) {
            if (e.getValue() != null) {
                definitions.put(e.getKey(), prefixes.get(e.getKey()) + e.getValue() + ")");
            }
        }
        return definitions;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
