package org.linkdesk.core.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Presigns thousands of seeded random cases with our {@link SigV4Presigner} and with the AWS SDK v2 {@code S3Presigner}
 * at the same fixed signing time, and requires byte-identical URLs and signed headers. Override the run with
 * {@code -Dlinkdesk.diff.seed=N -Dlinkdesk.diff.cases=N}.
 */
class SdkPresignerDifferentialTest {
    private static final long SEED = Long.getLong("linkdesk.diff.seed", 20_240_611L);
    private static final int CASES = Integer.getInteger("linkdesk.diff.cases", 3_000);

    private static SdkPresignerOracle sdk;

    @BeforeAll
    static void createSdkPresigners() {
        sdk = new SdkPresignerOracle();
    }

    @AfterAll
    static void closeSdkPresigners() {
        sdk.close();
    }

    @Test
    void ourUrlsAndSignedHeadersAreByteIdenticalToTheSdkPresigner() {
        SigV4Presigner ours = new SigV4Presigner();
        Map<HttpMethod, Integer> perMethod = new EnumMap<>(HttpMethod.class);
        Map<String, Integer> coverage = new TreeMap<>();
        String firstDifference = null;
        int differences = 0;
        for (int i = 0; i < CASES; i++) {
            PresignCase c = RandomPresignCases.generate(SEED, i);
            String difference = compare(ours, c);
            if (difference != null) {
                differences++;
                if (firstDifference == null) {
                    firstDifference = difference;
                }
            }
            perMethod.merge(c.options().method(), 1, Integer::sum);
            count(coverage, c);
        }
        assertThat(firstDifference)
                .as("%d of %d cases differ from the SDK; the first one", differences, CASES)
                .isNull();
        assertThat(perMethod).hasSize(HttpMethod.values().length);
        assertThat(coverage.keySet()).contains("GET overrides 0", "GET overrides 1", "GET overrides 2", "GET overrides 3",
                "GET overrides 4", "GET overrides 5", "GET overrides 6", "GET overrides 7", "session token",
                "path style forced", "custom endpoint", "custom endpoint with base path", "dotted bucket",
                "non-ASCII download name", "PUT with content type", "PUT without content type");
    }

    @Test
    void theClockInterceptorChangesNothingButTheSigningTime() {
        SigV4Presigner ours = new SigV4Presigner();
        for (int i = 0; i < 50; i++) {
            PresignCase c = RandomPresignCases.generate(SEED + 1, i);
            SdkPresignerOracle.Result theirs = sdk.presign(c, null);
            String amzDate = theirs.url().replaceFirst(".*[?&]X-Amz-Date=([0-9TZ]{16}).*", "$1");
            java.time.Instant signedAt = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX")
                    .parse(amzDate, java.time.Instant::from);
            PresignedUrl mine = ours.presign(c.endpoint(), c.credentials(), c.request(), signedAt);
            assertThat(mine.url()).as(c.describe()).isEqualTo(theirs.url());
        }
    }

    private static String compare(SigV4Presigner ours, PresignCase c) {
        String mineUrl;
        Map<String, String> mineHeaders;
        SdkPresignerOracle.Result theirs;
        try {
            PresignedUrl mine = ours.presign(c.endpoint(), c.credentials(), c.request(), c.signingTime());
            mineUrl = mine.url();
            mineHeaders = new TreeMap<>();
            mine.signedHeaders().forEach((k, v) -> mineHeaders.put(k.toLowerCase(java.util.Locale.ROOT), v));
        } catch (RuntimeException e) {
            return c.describe() + "\n  ours failed: " + e;
        }
        try {
            theirs = sdk.presign(c);
        } catch (RuntimeException e) {
            return c.describe() + "\n  ours: " + mineUrl + "\n  SDK failed: " + e;
        }
        if (mineUrl.equals(theirs.url()) && mineHeaders.equals(theirs.signedHeaders())) {
            return null;
        }
        String report = c.describe() + "\n  ours: " + mineUrl + "\n  SDK:  " + theirs.url()
                + "\n  our signed headers: " + mineHeaders + "\n  SDK signed headers: " + theirs.signedHeaders();
        if (Boolean.getBoolean("linkdesk.diff.verbose")) {
            System.out.println("DIFF " + report);
        }
        return report;
    }

    private static void count(Map<String, Integer> coverage, PresignCase c) {
        LinkOptions o = c.options();
        if (o.method() == HttpMethod.GET) {
            int mask = (o.downloadName() != null || o.inline() ? 1 : 0) | (o.responseContentType() != null ? 2 : 0)
                    | (o.cacheControl() != null ? 4 : 0);
            coverage.merge("GET overrides " + mask, 1, Integer::sum);
            if (o.downloadName() != null && !o.downloadName().chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f)) {
                coverage.merge("non-ASCII download name", 1, Integer::sum);
            }
        }
        if (o.method() == HttpMethod.PUT) {
            coverage.merge(o.contentType() != null ? "PUT with content type" : "PUT without content type", 1, Integer::sum);
        }
        if (c.credentials().hasSessionToken()) {
            coverage.merge("session token", 1, Integer::sum);
        }
        if (c.forcePathStyle()) {
            coverage.merge("path style forced", 1, Integer::sum);
        }
        if (c.endpointUrl() != null) {
            coverage.merge("custom endpoint", 1, Integer::sum);
            if (c.endpoint().endpointUrl().matches("https?://[^/]+/.+")) {
                coverage.merge("custom endpoint with base path", 1, Integer::sum);
            }
        }
        if (c.bucket().contains(".")) {
            coverage.merge("dotted bucket", 1, Integer::sum);
        }
    }
}
