package org.linkdesk.profiles;

import java.time.Duration;
import java.util.List;
import org.linkdesk.core.s3.BucketInfo;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.s3.ServerDate;
import org.linkdesk.core.s3.WrongRegionException;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.S3Endpoint;

/**
 * "Test connection": lists the buckets, or HEADs one bucket when given (credentials limited to a bucket often may
 * not list). Also compares the server's clock with ours, and names the bucket's region when the server reveals it.
 */
public final class ConnectionTest {
    /** Clocks further apart than this make links born expired, or not yet valid, for that long. */
    public static final Duration SKEW_WARNING = Duration.ofMinutes(5);

    private final ProfileService profiles;
    private final S3Http s3;

    /**
     * @param ok           whether the server accepted the credentials
     * @param message      "OK — 12 buckets" or the plain-words error
     * @param bucketRegion the region the server named for the bucket (different from the profile's), or null
     * @param clockWarning a warning about the local clock, or null
     */
    public record Result(boolean ok, String message, String bucketRegion, String clockWarning) {
    }

    public ConnectionTest(ProfileService profiles, S3Http s3) {
        this.profiles = profiles;
        this.s3 = s3;
    }

    /** Runs the test; never throws for a failure the user can act on, it is in the result. */
    public Result run(Profile profile, String bucket) {
        return run(profile.endpoint(), () -> profiles.credentials(profile), bucket,
                () -> profiles.knownExpiry(profile).map(e -> "; credentials valid until " + e.expiresAt())
                        .orElse(""));
    }

    /** The test for settings not saved yet (the profile dialog). */
    public Result run(S3Endpoint endpoint, java.util.function.Supplier<AwsCredentials> credentialsSupplier,
                      String bucket) {
        return run(endpoint, credentialsSupplier, bucket, () -> "");
    }

    private Result run(S3Endpoint endpoint, java.util.function.Supplier<AwsCredentials> credentialsSupplier,
                       String bucket, java.util.function.Supplier<String> expiryNote) {
        try {
            AwsCredentials credentials = credentialsSupplier.get();
            String expiry = credentials.expiration() != null && expiryNote.get().isEmpty()
                    ? "; credentials valid until " + credentials.expiration() : expiryNote.get();
            if (bucket == null || bucket.isBlank()) {
                List<BucketInfo> buckets = s3.listBuckets(endpoint, credentials);
                return new Result(true, "OK — " + buckets.size() + (buckets.size() == 1 ? " bucket" : " buckets")
                        + expiry, null, clockWarning());
            }
            String region = s3.headBucket(endpoint, credentials, bucket.strip());
            String other = region != null && !region.equals(endpoint.region()) ? region : null;
            return new Result(true, "OK — bucket " + bucket.strip() + " is reachable"
                    + (other != null ? "; it is in region " + other + ", not " + endpoint.region() : "") + expiry,
                    other, clockWarning());
        } catch (WrongRegionException e) {
            return new Result(false, e.getMessage(), e.bucketRegion(), clockWarning());
        } catch (RuntimeException e) {
            if (!isExpected(e)) {
                throw e;
            }
            return new Result(false, e.getMessage(), null, clockWarning());
        }
    }

    private static boolean isExpected(RuntimeException e) {
        return e instanceof org.linkdesk.core.s3.S3Exception || e instanceof IllegalArgumentException
                || e instanceof org.linkdesk.store.StoreException;
    }

    private String clockWarning() {
        return s3.lastServerDate().map(ConnectionTest::clockWarning).orElse(null);
    }

    /** The warning for this server date, or null when the clocks agree within {@link #SKEW_WARNING}. */
    public static String clockWarning(ServerDate date) {
        Duration skew = date.skew();
        if (skew.abs().compareTo(SKEW_WARNING) <= 0) {
            return null;
        }
        String amount = ServerDate.describe(skew);
        return skew.isNegative()
                ? "This computer's clock is " + amount + " ahead of the server's, so new links are not yet valid "
                + "for that long. Set the clock right (turn on automatic time)."
                : "This computer's clock is " + amount + " behind the server's, so new links lose that much of "
                + "their lifetime, or are born expired. Set the clock right (turn on automatic time).";
    }
}
