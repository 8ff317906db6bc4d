package org.linkdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/**
 * The local history read as team rows, for moving it into the team database: each row with the same team uid every
 * time (and the same one its outbox row had), so a move repeated or resumed copies nothing twice.
 */
public final class PersonalHistoryRows {
    private final Database database;
    private final Vault vault;

    public PersonalHistoryRows(Database database, Vault vault) {
        this.database = database;
        this.vault = vault;
    }

    /** How many rows have a local id above {@code afterId}. */
    public long countAfter(long afterId) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM share WHERE id > ?")) {
                ps.setLong(1, afterId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Up to {@code limit} rows with local ids above {@code afterId}, by id, recorded as made by {@code madeBy}. */
    public List<TeamShareRow> page(long afterId, int limit, String madeBy) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        byte[] key = vault.sealingKey().orElse(null);
        return database.read(c -> TeamShareRows.page(c, afterId, limit, madeBy, key));
    }
}
