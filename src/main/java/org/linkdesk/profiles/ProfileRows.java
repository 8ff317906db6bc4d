package org.linkdesk.profiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linkdesk.core.sign.InvalidInputException;

/** The {@code profile} table's rows, without their secrets (those are {@link ProfileSecrets}' part). */
final class ProfileRows {
    private static final String COLUMNS = "id, name, access_key_id, region, endpoint_url, path_style, "
            + "token_enc IS NOT NULL AS has_token, created_at, updated_at, aws_profile, provider, secret_store";
    /** The standard SQLSTATE of a unique constraint violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private ProfileRows() {
    }

    /** All profiles by name. */
    static List<Profile> all(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM profile ORDER BY name_lower, name")) {
            List<Profile> all = new ArrayList<>();
            while (rs.next()) {
                all.add(profile(rs));
            }
            return all;
        }
    }

    static Optional<Profile> findBy(Connection c, String condition, Object value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM profile WHERE " + condition)) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(profile(rs)) : Optional.empty();
            }
        }
    }

    /** Inserts the draft's row with an empty secret; returns the new id. */
    static long insert(Connection c, ProfileDraft draft, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO profile (name, access_key_id, region, "
                + "endpoint_url, path_style, secret_enc, created_at, updated_at, aws_profile, provider, secret_store) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, draft.cleanName());
            ps.setString(2, draft.isAwsReference() ? null : draft.cleanAccessKeyId());
            ps.setString(3, draft.cleanRegion());
            ps.setString(4, draft.cleanEndpointUrl());
            ps.setBoolean(5, draft.pathStyle());
            ps.setBytes(6, new byte[0]);
            ps.setObject(7, utc(now));
            ps.setObject(8, utc(now));
            ps.setString(9, draft.awsProfile());
            ps.setString(10, draft.provider());
            ps.setString(11, draft.storage().name());
            executeNaming(ps, draft.cleanName());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Updates every column but the secrets; returns false when the profile is gone. */
    static boolean update(Connection c, long id, ProfileDraft draft, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE profile SET name = ?, access_key_id = ?, "
                + "region = ?, endpoint_url = ?, path_style = ?, updated_at = ?, aws_profile = ?, provider = ?, "
                + "secret_store = ? WHERE id = ?")) {
            ps.setString(1, draft.cleanName());
            ps.setString(2, draft.isAwsReference() ? null : draft.cleanAccessKeyId());
            ps.setString(3, draft.cleanRegion());
            ps.setString(4, draft.cleanEndpointUrl());
            ps.setBoolean(5, draft.pathStyle());
            ps.setObject(6, utc(now));
            ps.setString(7, draft.awsProfile());
            ps.setString(8, draft.provider());
            ps.setString(9, draft.storage().name());
            ps.setLong(10, id);
            return executeNaming(ps, draft.cleanName()) != 0;
        }
    }

    /** Returns how many rows were deleted (0 when the profile was already gone). */
    static int delete(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM profile WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate();
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

    private static Profile profile(ResultSet rs) throws SQLException {
        return new Profile(rs.getLong("id"), rs.getString("name"), rs.getString("access_key_id"),
                rs.getString("region"), rs.getString("endpoint_url"), rs.getBoolean("path_style"),
                rs.getBoolean("has_token"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("aws_profile"),
                rs.getString("provider"), SecretStorage.valueOf(rs.getString("secret_store")));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
