package org.linkdesk.profiles;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.store.Database;

/** The region each bucket was found to live in, per profile, once the user agreed to use it. */
public final class BucketRegions {
    private final Database database;

    public BucketRegions(Database database) {
        this.database = database;
    }

    public void remember(long profileId, String bucket, String region) {
        S3Endpoint.aws(region, false); // validates the name
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO bucket_region (profile_id, bucket, region, "
                    + "found_at) KEY (profile_id, bucket) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, profileId);
                ps.setString(2, bucket);
                ps.setString(3, region);
                ps.setObject(4, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
                return ps.executeUpdate();
            }
        });
    }

    public Optional<String> find(long profileId, String bucket) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT region FROM bucket_region WHERE profile_id = ? AND bucket = ?")) {
                ps.setLong(1, profileId);
                ps.setString(2, bucket);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** The profile's endpoint, in the region remembered for {@code bucket} if any. */
    public S3Endpoint endpointFor(Profile profile, String bucket) {
        S3Endpoint endpoint = profile.endpoint();
        return find(profile.id(), bucket).filter(r -> !r.equals(endpoint.region())).map(endpoint::withRegion)
                .orElse(endpoint);
    }
}
