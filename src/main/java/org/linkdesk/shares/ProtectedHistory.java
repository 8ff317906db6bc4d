package org.linkdesk.shares;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.store.Database;
import org.linkdesk.store.NewShare;
import org.linkdesk.store.ShareExtras;
import org.linkdesk.store.ShareRecord;
import org.linkdesk.store.ShareStore;

/**
 * Protected links as History rows: making one records a history entry (tagged {@value #TAG}, its gateway link sealed
 * like any other) tied to the protected share, so the History can show its downloads, revoke it and list its log.
 * JavaFX-free; shared by the GUI and the CLI.
 */
public final class ProtectedHistory {
    /** The tag every protected link's history row carries (searchable like any tag). */
    public static final String TAG = "protected";
    /** Stands in for the access key and region: the gateway signs each download with its own credentials. */
    static final String GATEWAY = "gateway";

    private final ProtectedShareService service;
    private final ShareStore history;
    private final Database database;

    public ProtectedHistory(ProtectedShareService service, ShareStore history, Database database) {
        this.service = service;
        this.history = history;
        this.database = database;
    }

    /**
     * Makes the protected share and records it in the History, all in one transaction (the inner units of work join
     * it): a crash leaves both or neither. Returns the share and its history row.
     */
    public Recorded create(NewProtectedShare request, Long profileId, String profileName) {
        String publicUrl = service.requirePublicUrl();
        return database.inTransaction(outer -> createJoined(request, profileId, profileName, publicUrl));
    }

    private Recorded createJoined(NewProtectedShare request, Long profileId, String profileName, String publicUrl)
            throws java.sql.SQLException {
        ProtectedShare share = service.create(request);
        String link = service.link(share);
        NewShare row = new NewShare(share.createdAt(), profileId, profileName, GATEWAY, publicUrl, GATEWAY,
                share.bucket(), share.key(), LinkOptions.get(request.expiresIn()), share.expiresAt(),
                EffectiveExpiry.Limit.REQUESTED, link, share.note());
        ShareRecord recorded = history.insert(row, new ShareExtras(null, List.of(TAG), null, null));
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO protected_share_history (history_id, share_id) VALUES (?, ?)")) {
                ps.setLong(1, recorded.id());
                ps.setString(2, share.id());
                ps.executeUpdate();
            }
            // The id is the link itself for a share without a password: keep only a hint of it outside the vault.
            try (PreparedStatement ps = c.prepareStatement("UPDATE share SET url_redacted = ? WHERE id = ?")) {
                ps.setString(1, publicUrl + "/s/" + share.id().substring(0, 4) + "…REDACTED");
                ps.setLong(2, recorded.id());
                ps.executeUpdate();
            }
            return null;
        });
        return new Recorded(share, link, recorded.id());
    }

    /** The protected share a history row stands for, if it is one (and still exists). */
    public Optional<ProtectedShare> forHistoryRow(long historyId) {
        return shareId(historyId).flatMap(service::find);
    }

    /** Stops the link behind a history row: the gateway answers 410 from the next request on. */
    public ProtectedShare revoke(long historyId) {
        return service.revoke(requireShareId(historyId));
    }

    /** Who downloaded the link behind a history row, oldest first. */
    public List<DownloadRecord> downloads(long historyId) {
        return service.downloads(requireShareId(historyId));
    }

    public java.time.Instant now() {
        return service.clock().instant();
    }

    private String requireShareId(long historyId) {
        return shareId(historyId).orElseThrow(() -> new org.linkdesk.store.StoreException(
                "This History row is not a protected link, or its protected share was purged."));
    }

    private Optional<String> shareId(long historyId) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT share_id FROM protected_share_history WHERE history_id = ?")) {
                ps.setLong(1, historyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** A protected link just made: the share, the link to give out, and its History row. */
    public record Recorded(ProtectedShare share, String link, long historyId) {
    }
}
