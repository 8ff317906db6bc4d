package org.linkdesk.shares;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.store.Database;
import org.linkdesk.store.NewShare;
import org.linkdesk.store.ShareExtras;
import org.linkdesk.store.ShareRecord;
import org.linkdesk.store.ShareStore;
import org.linkdesk.store.SqlAccess;
import org.linkdesk.store.StoreException;

/**
 * Protected links as History rows: making one records a history entry (tagged {@value #TAG}, its gateway link sealed
 * like any other) tied to the protected share, so the History can show its downloads, revoke it and list its log.
 * JavaFX-free; shared by the GUI and the CLI.
 *
 * <p>Personal mode: share, row and tie are one transaction of the local database. Team mode ({@link #team}): the
 * share and its tie to a client-made uid are one transaction of the team database, then the row is recorded
 * locally under that uid (and reaches the team database through the outbox, where the tie by history id is made
 * when it arrives).
 */
public final class ProtectedHistory {
    /** The tag every protected link's history row carries (searchable like any tag). */
    public static final String TAG = "protected";
    /** Stands in for the access key and region: the gateway signs each download with its own credentials. */
    static final String GATEWAY = "gateway";

    private final ProtectedShareService service;
    private final SqlAccess ties;
    private final Database local;
    private final ShareStore history;
    private final RowRecorder rows;

    /** Personal mode: the share, its History row and their tie all in the local database. */
    public ProtectedHistory(ProtectedShareService service, ShareStore history, Database database) {
        this(service, database, database, history, null);
    }

    private ProtectedHistory(ProtectedShareService service, SqlAccess ties, Database local, ShareStore history,
                             RowRecorder rows) {
        this.service = service;
        this.ties = ties;
        this.local = local;
        this.history = history;
        this.rows = rows;
    }

    /**
     * Team mode: {@code teamService} keeps the shares in {@code teamDatabase} (where the ties live too), and
     * {@code rows} records each link's History row under the uid it is given.
     */
    public static ProtectedHistory team(ProtectedShareService teamService, SqlAccess teamDatabase, RowRecorder rows) {
        return new ProtectedHistory(teamService, teamDatabase, null, null, rows);
    }

    /**
     * Records a protected link's History row in one local transaction: durably in the local history (its URL sealed,
     * {@code shownUrl} shown in its place) and, in team mode, queued for the team database under {@code uid}.
     * Returns the local history id. Throws only when nothing was recorded (the share is then deleted again).
     */
    @FunctionalInterface
    public interface RowRecorder {
        long record(NewShare row, ShareExtras extras, String shownUrl, UUID uid);
    }

    /** A {@link RowRecorder} into the local history only (the uid is not kept). */
    public static RowRecorder localRows(ShareStore history, Database database) {
        return (row, extras, shownUrl, uid) -> database.inTransaction(c -> {
            ShareRecord recorded = history.insert(row, extras);
            showUrl(c, recorded.id(), shownUrl);
            return recorded.id();
        });
    }

    /**
     * Makes the protected share and records it in the History. Personal mode: one transaction, a crash leaves both or
     * neither. Team mode: the share first (a team-database failure leaves nothing), then the row; if the row cannot
     * be recorded the share is deleted again, so no link is given out without its row.
     */
    public Recorded create(NewProtectedShare request, Long profileId, String profileName) {
        String publicUrl = service.requirePublicUrl();
        if (rows == null) {
            return local.inTransaction(outer -> createJoined(request, profileId, profileName, publicUrl));
        }
        UUID uid = UUID.randomUUID();
        ProtectedShare share = service.create(request, uid);
        String link = service.link(share);
        long localId;
        try {
            localId = rows.record(row(request, share, profileId, profileName, publicUrl, link), extras(),
                    shownUrl(publicUrl, share), uid);
        } catch (RuntimeException e) {
            try {
                service.discard(share.id());
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        return new Recorded(share, link, localId, uid);
    }

    private Recorded createJoined(NewProtectedShare request, Long profileId, String profileName, String publicUrl)
            throws java.sql.SQLException {
        ProtectedShare share = service.create(request);
        String link = service.link(share);
        ShareRecord recorded = history.insert(row(request, share, profileId, profileName, publicUrl, link), extras());
        local.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO protected_share_history (history_id, share_id) VALUES (?, ?)")) {
                ps.setLong(1, recorded.id());
                ps.setString(2, share.id());
                ps.executeUpdate();
            }
            showUrl(c, recorded.id(), shownUrl(publicUrl, share));
            return null;
        });
        return new Recorded(share, link, recorded.id(), null);
    }

    private static NewShare row(NewProtectedShare request, ProtectedShare share, Long profileId, String profileName,
                                String publicUrl, String link) {
        return new NewShare(share.createdAt(), profileId, profileName, GATEWAY, publicUrl, GATEWAY, share.bucket(),
                share.key(), LinkOptions.get(request.expiresIn()), share.expiresAt(), EffectiveExpiry.Limit.REQUESTED,
                link, share.note());
    }

    private static ShareExtras extras() {
        return new ShareExtras(null, List.of(TAG), null, null);
    }

    /** The id is the link itself for a share without a password: keep only a hint of it outside the vault. */
    private static String shownUrl(String publicUrl, ProtectedShare share) {
        return publicUrl + "/s/" + share.id().substring(0, 4) + "…REDACTED";
    }

    private static void showUrl(java.sql.Connection c, long historyId, String shownUrl) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE share SET url_redacted = ? WHERE id = ?")) {
            ps.setString(1, shownUrl);
            ps.setLong(2, historyId);
            ps.executeUpdate();
        }
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

    public Instant now() {
        return service.clock().instant();
    }

    private String requireShareId(long historyId) {
        return shareId(historyId).orElseThrow(() -> new StoreException(
                "This History row is not a protected link, or its protected share was purged."));
    }

    /** The same query in both modes: in team mode {@code historyId} is the team database's row id. */
    private Optional<String> shareId(long historyId) {
        return ties.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT share_id FROM protected_share_history WHERE history_id = ?")) {
                ps.setLong(1, historyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /**
     * A protected link just made: the share, the link to give out, its local History row, and (team mode) the uid
     * its row carries to the team database.
     */
    public record Recorded(ProtectedShare share, String link, long historyId, UUID uid) {
    }
}
