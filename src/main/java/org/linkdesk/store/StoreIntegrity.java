package org.linkdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Checks, each time a process opens the database file, that it holds everything the {@link CommitLedger} says was
 * committed; and counts commits as they happen. The database keeps its identity and its commit count in the
 * {@code store_integrity} table, so a file that fell back to an older version (cut short, or half overwritten) shows a
 * smaller count than the ledger.
 */
final class StoreIntegrity {
    /** What the database itself says about its identity and commits; {@code id} null when it has none. */
    record Marks(String id, long commits) {
    }

    private StoreIntegrity() {
    }

    /** A reason the file is damaged, known before opening it; null when it looks whole. */
    static String beforeOpen(CommitLedger.State ledger, Path databaseFile) throws IOException {
        if (ledger.known() && ledger.closedCleanly() && Files.size(databaseFile) < ledger.length()) {
            return "the file is shorter than when Linkdesk last closed it (" + Files.size(databaseFile) + " of "
                    + ledger.length() + " bytes)";
        }
        return null;
    }

    /**
     * Whether the whole file must be read through before use: after a crash, after damage was seen, or when the
     * file changed while no Linkdesk process had it open.
     */
    static boolean needsFullCheck(CommitLedger.State ledger, Path databaseFile) throws IOException {
        return ledger.verifyNextOpen() || (ledger.known() && (!ledger.closedCleanly()
                || Files.size(databaseFile) != ledger.length()
                || Files.getLastModifiedTime(databaseFile).toMillis() != ledger.modified()));
    }

    /** A reason the opened database is damaged or incomplete; null when it holds all the ledger expects. */
    static String afterOpen(Connection c, CommitLedger.State ledger, boolean fullCheck) throws SQLException {
        String schema = SchemaMigrator.unreadableHistory(c);
        if (schema != null) {
            return schema;
        }
        Marks marks = marks(c);
        if (ledger.known()) {
            if (marks.id() == null) {
                return "its tables are missing or incomplete";
            }
            if (marks.id().equals(ledger.databaseId()) && marks.commits() < ledger.commits()) {
                return "it holds " + marks.commits() + " of the " + ledger.commits() + " saved changes";
            }
        }
        if (fullCheck) {
            readEverything(c);
        }
        return null;
    }

    static Marks marks(Connection c) throws SQLException {
        if (!hasIntegrityTable(c)) {
            return new Marks(null, 0);
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT database_id, commits FROM store_integrity WHERE id = 1")) {
            return rs.next() ? new Marks(rs.getString(1), rs.getLong(2)) : new Marks(null, 0);
        }
    }

    /** Gives a database its identity the first time (after migration); returns its marks. */
    static Marks ensureIdentity(Connection c) throws SQLException {
        Marks marks = marks(c);
        if (marks.id() != null) {
            return marks;
        }
        String id = UUID.randomUUID().toString();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO store_integrity (id, database_id, commits) VALUES (1, ?, 0)")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        return new Marks(id, 0);
    }

    /**
     * Counts the current transaction as one more commit if it changed anything; returns the new count, or -1 when
     * it changed nothing. The row update serialises writers, so counts follow commit order.
     */
    static long countIfWritten(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT CONTAINS_UNCOMMITTED FROM INFORMATION_SCHEMA.SESSIONS "
                    + "WHERE SESSION_ID = SESSION_ID()")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return -1;
                }
            }
            if (!hasIntegrityTable(c)) {
                return -1;
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT commits FROM FINAL TABLE (UPDATE store_integrity SET commits = commits + 1 WHERE id = 1)")) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /** Reads every row of every table, so a damaged page shows now rather than in the middle of later work. */
    static void readEverything(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String table : tables) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM \"PUBLIC\".\"" + table.replace("\"", "\"\"") + "\"")) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                }
            }
        }
    }

    private static boolean hasIntegrityTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.tables "
                     + "WHERE table_schema = 'PUBLIC' AND table_name = 'STORE_INTEGRITY'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
