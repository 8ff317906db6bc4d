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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies every readable row of a damaged database into a freshly migrated one, table by table and column by column
 * (by name, so an older schema copies too). A row or a page that cannot be read ends that table's copy; the rows
 * before it are kept. The search index is not copied (it is rebuilt), nor the old database's identity.
 */
final class RowCopy {
    private static final Logger LOG = LoggerFactory.getLogger(RowCopy.class);
    private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history", "SHARE_TRIGRAM", "SHARE_BLOCK",
            "STORE_INTEGRITY");
    private static final int COMMIT_EVERY = 500;

    /** @param commits the old database's own commit count, or -1 when it could not be read */
    record Result(boolean opened, Map<String, Long> rows, long commits) {
    }

    private RowCopy() {
    }

    /** Reads a copy of {@code damaged} (which stays untouched) into {@code target}. */
    static Result from(Path damaged, Path directory, Connection target) throws SQLException {
        String name = "linkdesk-salvage-" + UUID.randomUUID();
        Path copy = directory.resolve(name + ".mv.db");
        try {
            Files.copy(damaged, copy);
            if (PrivateFiles.isPosix()) {
                Files.setPosixFilePermissions(copy, PrivateFiles.FILE);
            }
        } catch (IOException e) {
            LOG.warn("Could not copy {} to salvage it: {}", damaged, e.toString());
            return new Result(false, Map.of(), -1);
        }
        String url = "jdbc:h2:file:" + directory.resolve(name) + ";TRACE_LEVEL_FILE=0";
        try (Connection source = org.h2.Driver.load().connect(url, credentials())) {
            long commits = StoreIntegrity.marks(source).commits();
            return new Result(true, copyTables(source, target), commits);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not open the damaged database {} to salvage it: {}", damaged, e.toString());
            return new Result(false, Map.of(), -1);
        } finally {
            deleteQuietly(directory.resolve(name + ".mv.db"));
            deleteQuietly(directory.resolve(name + ".trace.db"));
        }
    }

    private static java.util.Properties credentials() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", Database.USER);
        p.setProperty("password", "");
        return p;
    }

    private static Map<String, Long> copyTables(Connection source, Connection target) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        target.setAutoCommit(false);
        try (Statement st = target.createStatement()) {
            st.execute("SET REFERENTIAL_INTEGRITY FALSE");
            try {
                for (String table : tables(target)) {
                    if (!NOT_COPIED.contains(table)) {
                        rows.put(table, copyTable(source, target, table));
                    }
                }
            } finally {
                st.execute("SET REFERENTIAL_INTEGRITY TRUE");
                target.commit();
            }
        }
        return rows;
    }

    private static long copyTable(Connection source, Connection target, String table) throws SQLException {
        List<String> columns = new ArrayList<>(columns(target, table, true));
        columns.retainAll(columns(source, table, false));
        if (columns.isEmpty()) {
            return 0;
        }
        String list = String.join(", ", columns.stream().map(RowCopy::quote).toList());
        long copied = 0;
        try (Statement read = source.createStatement();
             ResultSet rs = read.executeQuery("SELECT " + list + " FROM " + quote(table));
             PreparedStatement write = target.prepareStatement("MERGE INTO " + quote(table) + " (" + list
                     + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)")) {
            while (rs.next()) {
                try {
                    for (int i = 1; i <= columns.size(); i++) {
                        write.setObject(i, rs.getObject(i));
                    }
                    write.executeUpdate();
                    copied++;
                } catch (SQLException e) {
                    LOG.info("Skipped an unreadable row of {}: {}", table, e.toString());
                }
                if (copied % COMMIT_EVERY == 0) {
                    target.commit();
                }
            }
        } catch (SQLException e) {
            LOG.warn("Stopped salvaging {} after {} rows: {}", table, copied, e.toString());
        }
        target.commit();
        restartIdentity(target, table);
        return copied;
    }

    private static void restartIdentity(Connection target, String table) throws SQLException {
        try (Statement st = target.createStatement();
             ResultSet rs = st.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_schema "
                     + "= 'PUBLIC' AND table_name = '" + table + "' AND is_identity = 'YES'")) {
            if (rs.next()) {
                String column = quote(rs.getString(1));
                try (Statement max = target.createStatement();
                     ResultSet m = max.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM "
                             + quote(table))) {
                    m.next();
                    max.execute("ALTER TABLE " + quote(table) + " ALTER COLUMN " + column + " RESTART WITH "
                            + m.getLong(1));
                }
            }
        }
        target.commit();
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static Set<String> columns(Connection c, String table, boolean writableOnly) throws SQLException {
        Set<String> columns = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, is_generated FROM "
                + "information_schema.columns WHERE table_schema = 'PUBLIC' AND table_name = ? "
                + "ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!writableOnly || "NEVER".equals(rs.getString(2))) {
                        columns.add(rs.getString(1));
                    }
                }
            }
        }
        return columns;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.info("Could not delete the salvage copy {}: {}", p, e.toString());
        }
    }
}
