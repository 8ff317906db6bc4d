package org.linkdesk.store;

/**
 * Units of work against a SQL database: the personal H2 file ({@link Database}) or the team's PostgreSQL database.
 * Stores written in portable SQL (protected shares, the team history) take this, not a concrete database.
 */
public interface SqlAccess {
    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Database.SqlWork<T> work);

    /** Runs read-only {@code work}; anything it writes is rolled back. */
    <T> T read(Database.SqlWork<T> work);
}
