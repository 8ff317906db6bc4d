package org.linkdesk.profiles;

/**
 * How links made with a profile reach people.
 *
 * @param publicEndpoint     an S3-compatible server's public URL (custom domain) that links are signed for instead
 *                           of the profile's endpoint, or null. The link is signed for that host: the server must
 *                           accept presigned requests addressed to it (MinIO, Ceph RGW and Garage do when the
 *                           domain is configured; Cloudflare R2 custom domains and Backblaze B2 friendly URLs do not
 *                           check S3 signatures, and Amazon S3 only answers on its own host names)
 * @param cloudFrontDomain   the distribution's domain ({@code d111111abcdef8.cloudfront.net} or a CNAME): GET links
 *                           become CloudFront signed URLs; null for none
 * @param keyPairId          the CloudFront public key id, or null
 * @param hasPrivateKey      whether the vault holds the CloudFront private key
 */
public record ProfileDelivery(String publicEndpoint, String cloudFrontDomain, String keyPairId, boolean hasPrivateKey) {
    public static final ProfileDelivery NONE = new ProfileDelivery(null, null, null, false);

    /** Whether GET links go through CloudFront. */
    public boolean usesCloudFront() {
        return cloudFrontDomain != null && keyPairId != null && hasPrivateKey;
    }
}
