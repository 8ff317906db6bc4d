package org.linkdesk.profiles;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.store.Database;
import org.linkdesk.store.Vault;

/**
 * Creates, changes and reads credential profiles; secrets go through the vault, encrypted with the profile id and
 * field as associated data. Names are unique regardless of case. Thread-safe.
 */
public final class ProfileService {
    private static final String COLUMNS = "id, name, access_key_id, region, endpoint_url, path_style, "
            + "token_enc IS NOT NULL AS has_token, created_at, updated_at";
    /** The standard SQLSTATE of a unique constraint violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;
    private final Vault vault;

    public ProfileService(Database database, Vault vault) {
        this.database = database;
        this.vault = vault;
    }

    /** All profiles by name. */
    public List<Profile> list() {
        return database.read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM profile ORDER BY name_lower, name")) {
                List<Profile> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(profile(rs));
                }
                return all;
            }
        });
    }

    /** The profile with this name, ignoring case and surrounding spaces. */
    public Optional<Profile> find(String name) {
        String n = ProfileDraft.strip(name);
        if (n == null) {
            return Optional.empty();
        }
        return database.read(c -> findBy(c, "name_lower = LOWER(?)", n));
    }

    public Optional<Profile> find(long id) {
        return database.read(c -> findBy(c, "id = ?", id));
    }

    /** @throws InvalidInputException with the first problem, or when the name is taken */
    public Profile create(ProfileDraft draft) {
        requireNoProblems(draft, true);
        vault.requireUnlocked();
        Instant now = Instant.now();
        return database.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO profile (name, access_key_id, region, "
                    + "endpoint_url, path_style, secret_enc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, draft.cleanName());
                ps.setString(2, draft.cleanAccessKeyId());
                ps.setString(3, draft.cleanRegion());
                ps.setString(4, draft.cleanEndpointUrl());
                ps.setBoolean(5, draft.pathStyle());
                ps.setBytes(6, new byte[0]);
                ps.setObject(7, utc(now));
                ps.setObject(8, utc(now));
                executeNaming(ps, draft.cleanName());
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            // The id is part of the associated data, so the secrets are encrypted once the row exists.
            storeSecrets(c, id, draft.cleanSecret(), draft.cleanSessionToken(), false);
            return findBy(c, "id = ?", id).orElseThrow();
        });
    }

    /**
     * Changes a profile. A blank secret keeps the stored one; a blank token keeps the stored one when
     * {@code keepSessionToken}, else removes it.
     */
    public Profile update(long id, ProfileDraft draft) {
        requireNoProblems(draft, false);
        if (draft.cleanSecret() != null || draft.cleanSessionToken() != null) {
            vault.requireUnlocked();
        }
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE profile SET name = ?, access_key_id = ?, "
                    + "region = ?, endpoint_url = ?, path_style = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, draft.cleanName());
                ps.setString(2, draft.cleanAccessKeyId());
                ps.setString(3, draft.cleanRegion());
                ps.setString(4, draft.cleanEndpointUrl());
                ps.setBoolean(5, draft.pathStyle());
                ps.setObject(6, utc(Instant.now()));
                ps.setLong(7, id);
                if (executeNaming(ps, draft.cleanName()) == 0) {
                    throw notFound(id);
                }
            }
            storeSecrets(c, id, draft.cleanSecret(), draft.cleanSessionToken(), draft.keepSessionToken());
            return findBy(c, "id = ?", id).orElseThrow();
        });
    }

    /** Deletes the profile; past shares keep its name. Deleting a profile that is already gone does nothing. */
    public void delete(long id) {
        database.inTransaction(c -> {
            // share.profile_id is cleared by the foreign key's ON DELETE SET NULL; profile_name stays.
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM profile WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
    }

    /** The profile's credentials, decrypted; needs the vault unlocked. */
    public AwsCredentials credentials(Profile profile) {
        vault.requireUnlocked();
        long id = profile.id();
        StoredSecrets stored = database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT access_key_id, secret_enc, token_enc FROM profile WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new StoredSecrets(rs.getString(1), rs.getBytes(2), rs.getBytes(3)) : null;
                }
            }
        });
        if (stored == null) {
            throw notFound(id);
        }
        String secret = decrypt(stored.secret(), context(id, "secret"));
        String token = stored.token() == null ? null : decrypt(stored.token(), context(id, "token"));
        return new AwsCredentials(stored.accessKeyId(), secret, token, null);
    }

    private String decrypt(byte[] ciphertext, String context) {
        byte[] plain = vault.decrypt(ciphertext, context);
        try {
            return new String(plain, UTF_8);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private byte[] encrypt(String plaintext, String context) {
        byte[] plain = plaintext.getBytes(UTF_8);
        try {
            return vault.encrypt(plain, context);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private record StoredSecrets(String accessKeyId, byte[] secret, byte[] token) {
    }

    private void storeSecrets(Connection c, long id, String secret, String token, boolean keepToken)
            throws SQLException {
        if (secret != null) {
            updateColumn(c, id, "secret_enc", encrypt(secret, context(id, "secret")));
        }
        if (token != null) {
            updateColumn(c, id, "token_enc", encrypt(token, context(id, "token")));
        } else if (!keepToken) {
            updateColumn(c, id, "token_enc", null);
        }
    }

    private static void updateColumn(Connection c, long id, String column, byte[] value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE profile SET " + column + " = ? WHERE id = ?")) {
            ps.setBytes(1, value);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** Runs an insert or update that sets the name, turning a clash into a message. */
    private static int executeNaming(PreparedStatement ps, String name) throws SQLException {
        try {
            return ps.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new InvalidInputException("A profile named \"" + name + "\" already exists.");
            }
            throw e;
        }
    }

    static String context(long id, String field) {
        return "profile:" + id + ":" + field;
    }

    private static Optional<Profile> findBy(Connection c, String condition, Object value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM profile WHERE " + condition)) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(profile(rs)) : Optional.empty();
            }
        }
    }

    private static Profile profile(ResultSet rs) throws SQLException {
        return new Profile(rs.getLong("id"), rs.getString("name"), rs.getString("access_key_id"),
                rs.getString("region"), rs.getString("endpoint_url"), rs.getBoolean("path_style"),
                rs.getBoolean("has_token"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static void requireNoProblems(ProfileDraft draft, boolean creating) {
        List<String> problems = draft.problems(creating);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0));
        }
    }

    private static ProfileNotFoundException notFound(long id) {
        return new ProfileNotFoundException("That profile (id " + id + ") no longer exists; it may have been "
                + "deleted from another Linkdesk window.");
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
