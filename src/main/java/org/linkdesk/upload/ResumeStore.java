package org.linkdesk.upload;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linkdesk.store.Database;

/**
 * The multipart uploads Linkdesk started and their finished parts ({@code upload_session}, {@code upload_part}),
 * each committed before the next step, so a process killed at any instant resumes from the last finished part.
 */
public final class ResumeStore {
    private final Database database;
    private final Clock clock;

    /** One stored upload: the file it reads (path, size, mtime) and where it goes. */
    public record Session(long id, String endpoint, String bucket, String key, String filePath, long fileSize,
                          long fileMtime, String uploadId, long partSize, String contentType) {
    }

    public ResumeStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The newest stored upload of this file (same path, size and mtime) to this target, if any. */
    public Optional<Session> find(String endpoint, String bucket, String key, String filePath, long size, long mtime) {
        return newest("endpoint = ? AND bucket = ? AND object_key = ? AND file_path = ? AND file_size = ? "
                + "AND file_mtime = ?", endpoint, bucket, key, filePath, size, mtime);
    }

    /** The newest stored upload of this file (same path, size and mtime) into this bucket, whatever its key. */
    public Optional<Session> findForFile(String endpoint, String bucket, String filePath, long size, long mtime) {
        return newest("endpoint = ? AND bucket = ? AND file_path = ? AND file_size = ? AND file_mtime = ?",
                endpoint, bucket, filePath, size, mtime);
    }

    /** The stored upload with this upload id in this bucket, if Linkdesk started it. */
    public Optional<Session> findByUploadId(String bucket, String uploadId) {
        return newest("bucket = ? AND upload_id = ?", bucket, uploadId);
    }

    /** The newest session matching {@code where}, its parameters bound in order. */
    private Optional<Session> newest(String where, Object... params) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM upload_session WHERE "
                    + where + " ORDER BY id DESC LIMIT 1")) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(session(rs)) : Optional.<Session>empty();
                }
            }
        });
    }

    /** Every stored upload (for {@code uploads resume}). */
    public List<Session> all() {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM upload_session ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                List<Session> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(session(rs));
                }
                return out;
            }
        });
    }

    /** Records a multipart upload just created, before any part is sent. */
    public Session create(String endpoint, String bucket, String key, String filePath, long size, long mtime,
                          String uploadId, long partSize, String contentType) {
        long id = database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO upload_session (endpoint, bucket, object_key, "
                    + "file_path, file_size, file_mtime, upload_id, part_size, content_type, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, endpoint);
                ps.setString(2, bucket);
                ps.setString(3, key);
                ps.setString(4, filePath);
                ps.setLong(5, size);
                ps.setLong(6, mtime);
                ps.setString(7, uploadId);
                ps.setLong(8, partSize);
                ps.setString(9, contentType);
                ps.setObject(10, clock.instant().atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new Session(id, endpoint, bucket, key, filePath, size, mtime, uploadId, partSize, contentType);
    }

    /** Records a finished part (its ETag) durably. */
    public void partDone(long sessionId, int partNumber, String etag, long size) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO upload_part (session_id, part_number, etag, "
                    + "part_size) KEY (session_id, part_number) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, sessionId);
                ps.setInt(2, partNumber);
                ps.setString(3, etag);
                ps.setLong(4, size);
                return ps.executeUpdate();
            }
        });
    }

    /** The finished parts of a stored upload: part number → ETag. */
    public Map<Integer, String> parts(long sessionId) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT part_number, etag FROM upload_part WHERE session_id = ?")) {
                ps.setLong(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    Map<Integer, String> out = new HashMap<>();
                    while (rs.next()) {
                        out.put(rs.getInt(1), rs.getString(2));
                    }
                    return out;
                }
            }
        });
    }

    /** Forgets a stored upload (completed or aborted). */
    public void delete(long sessionId) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM upload_session WHERE id = ?")) {
                ps.setLong(1, sessionId);
                return ps.executeUpdate();
            }
        });
    }

    private static final String COLUMNS = "id, endpoint, bucket, object_key, file_path, file_size, file_mtime, "
            + "upload_id, part_size, content_type";

    private static Session session(ResultSet rs) throws java.sql.SQLException {
        return new Session(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getLong(9), rs.getString(10));
    }
}
