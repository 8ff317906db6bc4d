package org.linkdesk.cli;

import java.security.PrivateKey;
import org.linkdesk.core.cloudfront.CloudFrontPolicy;
import org.linkdesk.core.cloudfront.CloudFrontSigner;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.core.sign.UriEncoder;
import org.linkdesk.links.GeneratedLink;
import org.linkdesk.profiles.ProfileDelivery;

/**
 * The URL to hand over for a link made with a profile that names a CloudFront distribution: a CloudFront signed URL
 * for the same key, valid until the S3 link's effective expiry (canned policy). The history keeps the S3 link; the
 * CloudFront URL is derived from it (RSA PKCS#1 v1.5 signatures are deterministic, so it can be made again).
 */
abstract class CdnLinks {
    static final CdnLinks NONE = new CdnLinks() {
        @Override
        String url(GeneratedLink link) {
            return link.url().url();
        }
    };

    abstract String url(GeneratedLink link);

    static CdnLinks of(LinkdeskCommand root, ProfileDelivery delivery, long profileId, LinkOptions options) {
        root.unlockVault();
        PrivateKey key = root.services().delivery().cloudFrontKey(profileId);
        if (options.downloadName() != null || options.inline() || options.responseContentType() != null
                || options.cacheControl() != null || options.versionId() != null) {
            root.io().warn("the download name, response overrides and version id belong to the S3 signature; "
                    + "through CloudFront they apply only if the distribution forwards those query strings.");
        }
        return new CdnLinks() {
            @Override
            String url(GeneratedLink link) {
                String resource = "https://" + delivery.cloudFrontDomain() + "/"
                        + UriEncoder.encodePath(link.share().key());
                return CloudFrontSigner.sign(resource, CloudFrontPolicy.canned(link.expiry().expiresAt()),
                        delivery.keyPairId(), key);
            }
        };
    }
}
