package org.linkdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.tx.TransactionStore;

/**
 * The embedded H2 engine behind a connection, for the two places that need more than SQL gives
 * ({@link LeftoverCommits}, {@link ShareIndexes}): one place to adapt when H2's internals move.
 */
final class H2Engine {
    private H2Engine() {
    }

    /** The engine session of an embedded H2 connection. */
    static SessionLocal session(Connection c) throws SQLException {
        return (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
    }

    /** The transaction store of the database {@code session} is on. */
    static TransactionStore transactions(SessionLocal session) {
        return session.getDatabase().getStore().getTransactionStore();
    }
}
