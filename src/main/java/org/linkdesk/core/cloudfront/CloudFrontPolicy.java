package org.linkdesk.core.cloudfront;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.linkdesk.core.sign.InvalidInputException;

/**
 * What a CloudFront signed URL allows: until when, and optionally from when and from which IPv4 range. Without a
 * start time and IP range it is a canned policy (a short {@code Expires=} URL); otherwise a custom policy.
 *
 * @param expiresAt the URL stops working at this instant (whole seconds)
 * @param activeFrom the URL works only from this instant, or null
 * @param ipRange    an IPv4 address or CIDR range such as {@code 192.0.2.0/24}, or null
 */
public record CloudFrontPolicy(Instant expiresAt, Instant activeFrom, String ipRange) {
    private static final Pattern IPV4_CIDR =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}(/(3[0-2]|[12]?\\d))?");

    public CloudFrontPolicy {
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (activeFrom != null && !activeFrom.isBefore(expiresAt)) {
            throw new InvalidInputException("The start time must come before the expiry.");
        }
        if (ipRange != null) {
            ipRange = ipRange.strip();
            if (!IPV4_CIDR.matcher(ipRange).matches()) {
                throw new InvalidInputException("'" + ipRange + "' is not an IPv4 address or range such as "
                        + "192.0.2.0/24 (CloudFront policies take IPv4 only).");
            }
        }
    }

    public static CloudFrontPolicy canned(Instant expiresAt) {
        return new CloudFrontPolicy(expiresAt, null, null);
    }

    public boolean isCanned() {
        return activeFrom == null && ipRange == null;
    }

    /** The policy document, byte for byte as CloudFront's SDKs write it (the signature covers these bytes). */
    String document(String resource) {
        if (isCanned()) {
            return "{\"Statement\":[{\"Resource\":\"" + resource + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":"
                    + expiresAt.getEpochSecond() + "}}}]}";
        }
        return "{\"Statement\":[{\"Resource\":\"" + resource + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":"
                + expiresAt.getEpochSecond() + "}"
                + (ipRange == null ? "" : ",\"IpAddress\":{\"AWS:SourceIp\":\"" + ipRange + "\"}")
                + (activeFrom == null ? "" : ",\"DateGreaterThan\":{\"AWS:EpochTime\":" + activeFrom.getEpochSecond() + "}")
                + "}}]}";
    }
}
