package org.linkdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The embedded H2 file database in the data directory, migrated by Flyway on open. Several processes (the GUI and
 * the CLI) may use the same directory at once.
 */
public final class Database implements AutoCloseable {

    /** Work done with a connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private Database() {
    }

    /** Opens (creating and migrating as needed) the database in {@code dataDirectory}. */
    public static Database open(Path dataDirectory) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Runs read-only {@code work}. */
    public <T> T read(SqlWork<T> work) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public Path directory() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public void close() {
    }
}
