package org.linkdesk.team;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.linkdesk.store.LinkUrls;
import org.linkdesk.store.Vault;

/**
 * Opens the signed URLs of team history rows: each is sealed to its maker's vault key ({@code sealed_for} is that
 * key's SHA-256), so only the member who made a link can copy, test or export it again. Thread-safe.
 */
public final class TeamLinkUrls implements LinkUrls {
    private final TeamDatabase database;
    private final Vault vault;
    private final String me;

    /**
     * @param vault this member's local vault (opens the URLs of their own rows)
     * @param me    this member's display name (what {@code made_by} holds for their rows)
     */
    public TeamLinkUrls(TeamDatabase database, Vault vault, String me) {
        this.database = Objects.requireNonNull(database, "database");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.me = Objects.requireNonNull(me, "me");
    }

    /**
     * The signed URL of one of this member's own rows (sealed to their vault here; needs it unlocked). A teammate's
     * row, or one sealed on another computer, throws {@link NotYourLinkException}. Empty when the row is gone or its
     * URL was not kept.
     */
    @Override
    public Optional<String> url(long id) {
        SealedUrl row = database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT made_by, url_sealed, sealed_for FROM share WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new SealedUrl(rs.getString(1), rs.getBytes(2), rs.getString(3)) : null;
                }
            }
        });
        if (row == null || row.sealed() == null) {
            return Optional.empty();
        }
        if (!row.sealedFor().equalsIgnoreCase(vault.sealingKeyId().orElse(""))) {
            throw new NotYourLinkException(row.madeBy(), row.madeBy().equals(me));
        }
        byte[] url = vault.unseal(row.sealed());
        try {
            return Optional.of(new String(url, UTF_8));
        } finally {
            Arrays.fill(url, (byte) 0);
        }
    }

    private record SealedUrl(String madeBy, byte[] sealed, String sealedFor) {
        SealedUrl {
            sealedFor = sealedFor == null ? "" : sealedFor;
        }
    }
}
