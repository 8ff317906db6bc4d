package org.linkdesk.shares;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where protected shares, their download log and the gateway's settings live. {@link SqlProtectedShareStore} keeps
 * them in the embedded database with SQL that PostgreSQL runs unchanged (team mode puts them there).
 */
public interface ProtectedShareStore {

    default void insert(ProtectedShare share, String passwordHash) {
        insert(share, passwordHash, null);
    }

    /**
     * Inserts a share; with a {@code historyUid} (team mode) ties it, in the same transaction, to the History row with
     * that client-made uid, which may arrive later through the maker's outbox.
     */
    void insert(ProtectedShare share, String passwordHash, java.util.UUID historyUid);

    /** Deletes a share never given out (its History row could not be recorded); returns whether it existed. */
    boolean discard(String id);

    Optional<StoredShare> find(String id);

    /** Newest first; {@code owner} null lists everyone's. */
    List<ProtectedShare> list(String owner, int limit);

    /**
     * Changes a share; null {@code expiresAt}/{@code maxDownloads} keep the value, {@code maxDownloads} 0 makes it
     * unlimited; with {@code changePassword} the hash becomes {@code passwordHash} (null: no password). Returns
     * whether the share exists.
     */
    boolean update(String id, Instant expiresAt, Integer maxDownloads, boolean changePassword, String passwordHash);

    /** Returns whether the share exists (revoking twice keeps the first time). */
    boolean revoke(String id, Instant at);

    /**
     * Counts a download if the share still allows one at {@code record.at()} (not revoked, not expired, under its
     * limit) with one conditional UPDATE, and logs it in the same transaction. Returns whether it counted.
     */
    boolean countDownload(DownloadRecord record);

    /** Replaces the hash only if it is still {@code oldHash} (another request may have changed it). */
    void replacePasswordHash(String id, String oldHash, String newHash);

    /** The share's downloads, oldest first. */
    List<DownloadRecord> downloads(String id);

    /** Deletes shares that expired before {@code before}, with their logs; returns how many. */
    int purgeExpired(Instant before);

    Optional<String> setting(String name);

    void putSetting(String name, String value);

    /** Stores {@code value} unless the setting exists; returns the stored value either way. */
    String settingIfAbsent(String name, String value);
}
