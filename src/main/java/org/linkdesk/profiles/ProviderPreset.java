package org.linkdesk.profiles;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.linkdesk.core.sign.InvalidInputException;

/**
 * What the profile dialog fills in for a storage provider: the endpoint pattern, the region (and the regions to pick
 * from), the addressing style, and the provider's own cap on link lifetime where it has one. Every preset here
 * accepts SigV4 query-string links up to the 7-day SigV4 limit, so none sets a shorter cap today.
 */
public enum ProviderPreset {
    AMAZON_S3("Amazon S3", null, "us-east-1", false, null, List.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "ca-west-1", "sa-east-1", "mx-central-1",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1",
            "eu-south-2", "il-central-1", "me-south-1", "me-central-1", "af-south-1", "ap-east-1", "ap-south-1",
            "ap-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2",
            "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "cn-north-1", "cn-northwest-1",
            "us-gov-east-1", "us-gov-west-1")),
    MINIO("MinIO", "http://localhost:9000", "us-east-1", true, null, List.of("us-east-1")),
    CLOUDFLARE_R2("Cloudflare R2", "https://{account}.r2.cloudflarestorage.com", "auto", false, null,
            List.of("auto")),
    BACKBLAZE_B2("Backblaze B2", "https://s3.{region}.backblazeb2.com", "us-west-004", false, null, List.of(
            "us-west-000", "us-west-001", "us-west-002", "us-west-004", "us-east-005", "eu-central-003",
            "ca-east-006")),
    WASABI("Wasabi", "https://s3.{region}.wasabisys.com", "us-east-1", false, null, List.of(
            "us-east-1", "us-east-2", "us-central-1", "us-west-1", "us-west-2", "ca-central-1", "eu-central-1",
            "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "ap-northeast-1", "ap-northeast-2",
            "ap-southeast-1", "ap-southeast-2")),
    DIGITALOCEAN_SPACES("DigitalOcean Spaces", "https://{region}.digitaloceanspaces.com", "nyc3", false, null, List.of(
            "nyc3", "sfo2", "sfo3", "ams3", "sgp1", "fra1", "lon1", "syd1", "blr1", "tor1", "atl1")),
    CUSTOM("Ceph / other S3-compatible", "", "us-east-1", true, null, List.of("us-east-1", "default"));

    private final String label;
    private final String endpointPattern;
    private final String defaultRegion;
    private final boolean pathStyle;
    private final Duration linkCap;
    private final List<String> regions;

    ProviderPreset(String label, String endpointPattern, String defaultRegion, boolean pathStyle, Duration linkCap,
                   List<String> regions) {
        this.label = label;
        this.endpointPattern = endpointPattern;
        this.defaultRegion = defaultRegion;
        this.pathStyle = pathStyle;
        this.linkCap = linkCap;
        this.regions = regions;
    }

    /** The preset stored under {@code name}; {@link #CUSTOM} for null or unknown names. */
    public static ProviderPreset byName(String name) {
        if (name == null) {
            return CUSTOM;
        }
        for (ProviderPreset p : values()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return CUSTOM;
    }

    /**
     * The endpoint URL for {@code region} (and, for Cloudflare R2, {@code accountId}); null for Amazon S3, whose
     * endpoint follows from the region; the pattern's example for MinIO and custom servers.
     */
    public String endpointFor(String region, String accountId) {
        if (endpointPattern == null) {
            return null;
        }
        String url = endpointPattern;
        if (url.contains("{account}")) {
            String id = accountId == null ? "" : accountId.strip().toLowerCase(java.util.Locale.ROOT);
            if (!id.matches("[0-9a-f]{32}")) {
                throw new InvalidInputException("Enter your Cloudflare account id: 32 characters 0-9 and a-f, shown "
                        + "on the R2 overview page.");
            }
            url = url.replace("{account}", id);
        }
        return url.replace("{region}", region == null || region.isBlank() ? defaultRegion : region.strip());
    }

    /** Whether the endpoint is made from a Cloudflare account id. */
    public boolean needsAccountId() {
        return endpointPattern != null && endpointPattern.contains("{account}");
    }

    /** Whether the user types the endpoint (MinIO, custom servers). */
    public boolean endpointIsTyped() {
        return endpointPattern != null && !endpointPattern.contains("{");
    }

    public String label() {
        return label;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    public boolean pathStyle() {
        return pathStyle;
    }

    public List<String> regions() {
        return regions;
    }

    /** The provider's own limit on link lifetime, when it is shorter than SigV4's 7 days. */
    public Optional<Duration> linkCap() {
        return Optional.ofNullable(linkCap);
    }

    /** The preset whose endpoint pattern matches {@code endpointUrl} (AWS when it is empty), else CUSTOM. */
    public static ProviderPreset guess(String endpointUrl) {
        if (endpointUrl == null || endpointUrl.isBlank()) {
            return AMAZON_S3;
        }
        String u = endpointUrl.toLowerCase(java.util.Locale.ROOT);
        if (u.contains(".r2.cloudflarestorage.com")) {
            return CLOUDFLARE_R2;
        }
        if (u.contains(".backblazeb2.com")) {
            return BACKBLAZE_B2;
        }
        if (u.contains(".wasabisys.com")) {
            return WASABI;
        }
        if (u.contains(".digitaloceanspaces.com")) {
            return DIGITALOCEAN_SPACES;
        }
        return CUSTOM;
    }

    @Override
    public String toString() {
        return label;
    }
}
