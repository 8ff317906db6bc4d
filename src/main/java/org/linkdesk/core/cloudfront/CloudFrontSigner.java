package org.linkdesk.core.cloudfront;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.regex.Pattern;
import org.linkdesk.core.sign.InvalidInputException;

/**
 * CloudFront signed URLs (SHA1withRSA over the policy, CloudFront's URL-safe Base64), byte-identical to the AWS SDK
 * v2 {@code CloudFrontUtilities}. A CloudFront signature replaces S3's: the URL points at the distribution, which
 * fetches from the bucket with its own origin access.
 */
public final class CloudFrontSigner {
    private static final Pattern KEY_PAIR_ID = Pattern.compile("[A-Z0-9]{6,64}");

    private CloudFrontSigner() {
    }

    /** A signed URL for {@code resourceUrl} (https://distribution/path[?query]) under {@code policy}. */
    public static String sign(String resourceUrl, CloudFrontPolicy policy, String keyPairId, PrivateKey key) {
        URI uri = parse(resourceUrl);
        requireKeyPairId(keyPairId);
        String document = policy.document(resourceUrl);
        String signature = urlSafe(rsaSha1(document.getBytes(StandardCharsets.UTF_8), key));
        StringBuilder url = new StringBuilder(resourceUrl.length() + 400);
        url.append(uri.getScheme()).append("://").append(uri.getRawAuthority()).append(uri.getRawPath());
        url.append(uri.getQuery() == null ? "?" : "?" + uri.getRawQuery() + "&");
        if (policy.isCanned()) {
            url.append("Expires=").append(policy.expiresAt().getEpochSecond());
        } else {
            url.append("Policy=").append(urlSafe(document.getBytes(StandardCharsets.UTF_8)));
        }
        url.append("&Signature=").append(signature).append("&Key-Pair-Id=").append(keyPairId);
        return url.toString();
    }

    /** Whether {@code signature} (as in a signed URL) is a valid signature of {@code policyDocument}. */
    public static boolean verify(String policyDocument, String signature, PublicKey publicKey) {
        try {
            byte[] raw = Base64.getDecoder().decode(signature.replace('-', '+').replace('_', '=').replace('~', '/'));
            Signature verifier = Signature.getInstance("SHA1withRSA");
            verifier.initVerify(publicKey);
            verifier.update(policyDocument.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(raw);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The policy document a URL made by {@link #sign} carries or implies, for {@link #verify}. */
    public static String policyDocument(String resourceUrl, CloudFrontPolicy policy) {
        return policy.document(resourceUrl);
    }

    public static void requireKeyPairId(String keyPairId) {
        if (keyPairId == null || !KEY_PAIR_ID.matcher(keyPairId).matches()) {
            throw new InvalidInputException("A CloudFront key pair id or public key id looks like K2JCJMDEHXQW5F "
                    + "(capital letters and digits).");
        }
    }

    private static URI parse(String resourceUrl) {
        try {
            URI uri = new URI(resourceUrl);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getRawAuthority() == null) {
                throw new InvalidInputException("A CloudFront URL starts with https:// and the distribution's domain "
                        + "(got " + resourceUrl + ").");
            }
            if (resourceUrl.contains("\"") || resourceUrl.contains("\\")) {
                throw new InvalidInputException("A URL to sign cannot contain '\"' or '\\' (percent-encode them).");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("This is not a valid URL (percent-encode spaces and special characters): "
                    + resourceUrl);
        }
    }

    private static byte[] rsaSha1(byte[] data, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance("SHA1withRSA");
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (java.security.InvalidKeyException e) {
            throw new InvalidInputException("This private key cannot sign (CloudFront needs an RSA key).");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA1withRSA is not available in this Java runtime", e);
        }
    }

    static String urlSafe(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes).replace('+', '-').replace('=', '_').replace('/', '~');
    }
}
