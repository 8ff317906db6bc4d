package org.linkdesk.team;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.linkdesk.shares.DownloadRecord;
import org.linkdesk.shares.ProtectedShare;
import org.linkdesk.shares.ProtectedShareStore;
import org.linkdesk.shares.SqlProtectedShareStore;
import org.linkdesk.shares.StoredShare;

/**
 * Protected shares in the team database. Unlike history rows, they cannot wait in the outbox (every gateway must see
 * them), so an unreachable database says that instead of promising to send later.
 */
final class TeamShareStore implements ProtectedShareStore {
    private final ProtectedShareStore store;
    private final TeamDatabase database;

    TeamShareStore(TeamDatabase database) {
        this.store = new SqlProtectedShareStore(database);
        this.database = database;
    }

    private <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (TeamDatabaseException e) {
            if (!e.unreachable()) {
                throw e;
            }
            throw new TeamDatabaseException("The team database at " + database.connection().safeUrl() + " cannot be "
                    + "reached, and protected links live there. Try again when it is back.", true, e);
        }
    }

    @Override
    public void insert(ProtectedShare share, String passwordHash, UUID historyUid) {
        call(() -> {
            store.insert(share, passwordHash, historyUid);
            return null;
        });
    }

    @Override
    public boolean discard(String id) {
        return call(() -> store.discard(id));
    }

    @Override
    public Optional<StoredShare> find(String id) {
        return call(() -> store.find(id));
    }

    @Override
    public List<ProtectedShare> list(String owner, int limit) {
        return call(() -> store.list(owner, limit));
    }

    @Override
    public boolean update(String id, Instant expiresAt, Integer maxDownloads, boolean changePassword,
                          String passwordHash) {
        return call(() -> store.update(id, expiresAt, maxDownloads, changePassword, passwordHash));
    }

    @Override
    public boolean revoke(String id, Instant at) {
        return call(() -> store.revoke(id, at));
    }

    @Override
    public boolean countDownload(DownloadRecord record) {
        return call(() -> store.countDownload(record));
    }

    @Override
    public void replacePasswordHash(String id, String oldHash, String newHash) {
        call(() -> {
            store.replacePasswordHash(id, oldHash, newHash);
            return null;
        });
    }

    @Override
    public List<DownloadRecord> downloads(String id) {
        return call(() -> store.downloads(id));
    }

    @Override
    public int purgeExpired(Instant before) {
        return call(() -> store.purgeExpired(before));
    }

    @Override
    public Optional<String> setting(String name) {
        return call(() -> store.setting(name));
    }

    @Override
    public void putSetting(String name, String value) {
        call(() -> {
            store.putSetting(name, value);
            return null;
        });
    }

    @Override
    public String settingIfAbsent(String name, String value) {
        return call(() -> store.settingIfAbsent(name, value));
    }
}
