package org.linkdesk.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.linkdesk.core.sign.PresignedUrl;

/**
 * Links the command line made without opening the database: an append-only, owner-only file of framed records
 * ({@code magic, length, record, CRC-32}), each URL sealed to the vault's public key as {@link ShareStore} does. The
 * command line prints a link only after its record is forced to disk; the next {@link Database} opened on the
 * directory takes the records in ({@link #takeIn}) in one transaction that also notes the last record's id, then
 * empties the file. A crash between that commit and the truncation therefore never records a link twice. A record
 * cut short by a kill (never printed) is skipped: readers look for the next intact frame (magic, length and CRC),
 * so the records appended after it, and after any damaged one, are kept.
 */
public final class ShareJournal {
    public static final String FILE_NAME = "linkdesk.journal";
    /** The vault's public key as the database last had it, so the command line can seal without opening it. */
    public static final String KEY_FILE_NAME = "linkdesk.seal-key";
    /**
     * Present while the data directory is in team mode (written when the database is opened): the command line then
     * opens the database instead, so its links get their team outbox rows and are sent at once.
     */
    public static final String TEAM_MODE_FILE_NAME = "linkdesk.team-mode";
    /** Past this size the command line opens the database instead (which empties the journal). */
    public static final long QUICK_LIMIT_BYTES = 1L << 20;
    static final String MARKER_SETTING = "journal.last_taken_in";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShareJournal() {
    }

    /** The vault's public key as last seen by a database open, or empty when unknown (then open the database). */
    public static Optional<byte[]> rememberedSealingKey(Path dataDirectory) {
        try {
            byte[] key = Files.readAllBytes(dataDirectory.resolve(KEY_FILE_NAME));
            return key.length == 0 ? Optional.empty() : Optional.of(key);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The journal's size in bytes (0 when there is none). */
    public static long size(Path dataDirectory) {
        try {
            return Files.size(dataDirectory.resolve(FILE_NAME));
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Seals each link's URL to {@code sealingKey} and appends the records, forced to disk before this returns. When
     * this throws, none of these records is kept.
     */
    public static void append(Path dataDirectory, List<NewShare> shares, byte[] sealingKey) {
        List<byte[]> frames = new ArrayList<>(shares.size());
        List<byte[]> plain = new ArrayList<>(shares.size());
        List<byte[]> sealed;
        try {
            for (NewShare share : shares) {
                ShareInserts.requireComplete(share);
                plain.add(share.url().getBytes(UTF_8));
            }
            sealed = shares.size() == 1 ? List.of(Vault.sealTo(sealingKey, plain.get(0)))
                    : Vault.sealAllTo(sealingKey, plain);   // one key agreement for many links
        } finally {
            for (byte[] p : plain) {
                Arrays.fill(p, (byte) 0);
            }
        }
        for (int i = 0; i < shares.size(); i++) {
            NewShare share = shares.get(i);
            byte[] id = new byte[16];
            RANDOM.nextBytes(id);
            frames.add(JournalFile.frame(JournalRecord.write(new JournalRecord(id, sealingKey, share,
                    PresignedUrl.redact(share.url()), sealed.get(i)))));
        }
        Path file = dataDirectory.resolve(FILE_NAME);
        boolean created = !Files.exists(file);
        JournalFile.withLock(file, channel -> {
            // After a record cut short by a kill the new ones simply follow: readers skip to the next intact frame.
            long end = channel.size();
            channel.position(end);
            try {
                for (byte[] f : frames) {
                    ByteBuffer buffer = ByteBuffer.wrap(f);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                }
                channel.force(true);
            } catch (IOException | RuntimeException e) {
                try {
                    channel.truncate(end);
                    channel.force(true);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            return null;
        });
        if (created) {
            JournalFile.forceDirectory(dataDirectory);
        }
    }

    /**
     * Records what the journal holds in {@code database}, remembers the vault's public key for the command line,
     * and empties the journal. Returns the number of links taken in.
     */
    public static int takeIn(Database database, Vault vault) {
        return takeIn(database, vault, null);
    }

    /**
     * As {@link #takeIn(Database, Vault)}; in team mode ({@code outbox} not null) each link taken in also gets its
     * outbox row in the same transaction.
     */
    public static int takeIn(Database database, Vault vault, TeamOutbox outbox) {
        Path dir = database.directory();
        Optional<byte[]> key = vault.sealingKey();
        rememberSealingKey(dir, key.orElse(null));
        rememberTeamMode(dir, outbox != null);
        Path file = dir.resolve(FILE_NAME);
        if (size(dir) == 0) {
            return 0;
        }
        return JournalFile.withLock(file, channel -> {
            byte[] content = JournalFile.readAll(channel);
            List<JournalRecord> records = new ArrayList<>();
            for (int pos = 0; pos < content.length; ) {
                int len = JournalFile.frameLength(content, pos);
                if (len > 0) {
                    records.add(JournalRecord.read(content, pos + 8, len - 12));
                    pos += len;
                } else {
                    pos = JournalFile.nextMagic(content, pos + 1);   // a record cut short (never printed), or damage
                }
            }
            int added = records.isEmpty() ? 0
                    : database.inTransaction(c -> insert(c, records, key.orElse(null), outbox));
            channel.truncate(0);
            channel.force(true);
            if (outbox != null && added > 0) {
                outbox.committed();
            }
            return added;
        });
    }

    private static int insert(Connection c, List<JournalRecord> records, byte[] currentKey, TeamOutbox outbox)
            throws SQLException {
        String last = marker(c);
        int from = 0;
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).hexId().equals(last)) {
                from = i + 1;
            }
        }
        LongArray ids = new LongArray();
        for (int i = from; i < records.size(); i++) {
            JournalRecord r = records.get(i);
            // Sealed to a key the vault no longer has (it was made again): the URL cannot be read back, so not kept.
            byte[] sealed = currentKey != null && Arrays.equals(currentKey, r.sealingKey()) ? r.sealed() : null;
            ids.add(ShareInserts.insert(c, r.share(), r.urlRedacted(), sealed, ShareExtras.NONE));
        }
        if (outbox != null) {
            outbox.add(c, ids.toArray(), currentKey);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO settings (setting_name, setting_value) KEY (setting_name) VALUES (?, ?)")) {
            ps.setString(1, MARKER_SETTING);
            ps.setString(2, records.get(records.size() - 1).hexId());
            ps.executeUpdate();
        }
        return records.size() - from;
    }

    private static String marker(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM settings WHERE setting_name = ?")) {
            ps.setString(1, MARKER_SETTING);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    /** Keeps the key file in step with the vault (deleted when there is no vault, so the CLI opens the database). */
    private static void rememberSealingKey(Path dir, byte[] key) {
        Path file = dir.resolve(KEY_FILE_NAME);
        try {
            if (key == null) {
                Files.deleteIfExists(file);
                return;
            }
            if (Arrays.equals(rememberedSealingKey(dir).orElse(null), key)) {
                return;
            }
            Path temp = Files.createTempFile(dir, KEY_FILE_NAME, ".tmp", JournalFile.ownerOnly(file));
            try {
                Files.write(temp, key, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: without the file the command line opens the database instead; nothing is lost.
        }
    }

    /** Keeps {@link #TEAM_MODE_FILE_NAME} in step with the mode (best effort, like the key file). */
    private static void rememberTeamMode(Path dir, boolean teamMode) {
        Path file = dir.resolve(TEAM_MODE_FILE_NAME);
        try {
            if (!teamMode) {
                Files.deleteIfExists(file);
            } else if (!Files.exists(file)) {
                Files.createFile(file, JournalFile.ownerOnly(file));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Without the file the quick path journals team links; the next database open still sends them.
        }
    }
}
