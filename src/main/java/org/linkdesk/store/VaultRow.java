package org.linkdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The single row of the {@code vault} table: how the data key is wrapped, and the sealing key pair. */
record VaultRow(String kdf, int iterations, byte[] salt, byte[] wrappedKey, byte[] publicKey, byte[] privateKeyEnc) {
    static final String KDF = "PBKDF2-HMAC-SHA256";

    static Optional<VaultRow> read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT kdf, iterations, salt, wrapped_key, public_key, "
                + "private_key_enc FROM vault WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new VaultRow(rs.getString(1), rs.getInt(2), rs.getBytes(3), rs.getBytes(4),
                    rs.getBytes(5), rs.getBytes(6)));
        }
    }

    /** Inserts the row; false when another process inserted one first. */
    boolean insert(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO vault (id, kdf, iterations, salt, wrapped_key, "
                + "public_key, private_key_enc, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, kdf);
            ps.setInt(2, iterations);
            ps.setBytes(3, salt);
            ps.setBytes(4, wrappedKey);
            ps.setBytes(5, publicKey);
            ps.setBytes(6, privateKeyEnc);
            ps.setObject(7, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setObject(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Re-wraps the data key, only if nobody changed it since {@code previous} was read; false otherwise. */
    boolean replaceWrapping(Connection c, VaultRow previous, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE vault SET kdf = ?, iterations = ?, salt = ?, "
                + "wrapped_key = ?, updated_at = ? WHERE id = 1 AND wrapped_key = ?")) {
            ps.setString(1, kdf);
            ps.setInt(2, iterations);
            ps.setBytes(3, salt);
            ps.setBytes(4, wrappedKey);
            ps.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setBytes(6, previous.wrappedKey);
            return ps.executeUpdate() == 1;
        }
    }

    VaultRow withWrapping(int newIterations, byte[] newSalt, byte[] newWrappedKey) {
        return new VaultRow(KDF, newIterations, newSalt, newWrappedKey, publicKey, privateKeyEnc);
    }
}
