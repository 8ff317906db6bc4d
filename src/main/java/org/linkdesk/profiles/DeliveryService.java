package org.linkdesk.profiles;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.security.PrivateKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.linkdesk.core.cloudfront.CloudFrontSigner;
import org.linkdesk.core.cloudfront.RsaPemKeys;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.store.Database;
import org.linkdesk.store.Vault;

/**
 * A profile's {@link ProfileDelivery}: a public endpoint and a CloudFront distribution with its signing key, the key
 * encrypted by the vault like the profile's other secrets.
 */
public final class DeliveryService {
    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private final Database database;
    private final Vault vault;

    public DeliveryService(Database database, Vault vault) {
        this.database = database;
        this.vault = vault;
    }

    public ProfileDelivery settings(long profileId) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT public_endpoint, cloudfront_domain, "
                    + "cloudfront_key_pair_id, cloudfront_key_enc IS NOT NULL FROM profile_delivery WHERE profile_id = ?")) {
                ps.setLong(1, profileId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new ProfileDelivery(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getBoolean(4)) : ProfileDelivery.NONE;
                }
            }
        });
    }

    /**
     * Saves the settings; blank values remove them. {@code privateKeyPem} null keeps the stored key, blank removes it.
     * The key is checked (it must read as an RSA key) before anything is written.
     */
    public ProfileDelivery save(long profileId, String publicEndpoint, String cloudFrontDomain, String keyPairId,
                                String privateKeyPem) {
        String endpoint = blankToNull(publicEndpoint);
        if (endpoint != null) {
            S3Endpoint.parseEndpoint(endpoint);
        }
        String domain = normalizeDomain(cloudFrontDomain);
        String keyId = blankToNull(keyPairId);
        if (keyId != null) {
            CloudFrontSigner.requireKeyPairId(keyId);
        }
        byte[] keyEnc = null;
        if (privateKeyPem != null && !privateKeyPem.isBlank()) {
            RsaPemKeys.readPrivateKey(privateKeyPem);
            vault.requireUnlocked();
            byte[] plain = privateKeyPem.strip().getBytes(UTF_8);
            try {
                keyEnc = vault.encrypt(plain, context(profileId));
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        }
        byte[] newKey = keyEnc;
        boolean removeKey = privateKeyPem != null && privateKeyPem.isBlank();
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO profile_delivery (profile_id, public_endpoint, "
                    + "cloudfront_domain, cloudfront_key_pair_id) KEY (profile_id) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, profileId);
                ps.setString(2, endpoint);
                ps.setString(3, domain);
                ps.setString(4, keyId);
                ps.executeUpdate();
            }
            if (newKey != null || removeKey) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE profile_delivery SET cloudfront_key_enc = ? WHERE profile_id = ?")) {
                    ps.setBytes(1, newKey);
                    ps.setLong(2, profileId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
        return settings(profileId);
    }

    /** The CloudFront private key (the vault must be unlocked). */
    public PrivateKey cloudFrontKey(long profileId) {
        byte[] enc = database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT cloudfront_key_enc FROM profile_delivery WHERE profile_id = ?")) {
                ps.setLong(1, profileId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        });
        if (enc == null) {
            throw new InvalidInputException("This profile has no CloudFront private key; add one with "
                    + "'linkdesk profiles delivery NAME --cloudfront-private-key FILE'.");
        }
        vault.requireUnlocked();
        byte[] plain = vault.decrypt(enc, context(profileId));
        try {
            return RsaPemKeys.readPrivateKey(new String(plain, UTF_8));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static String context(long profileId) {
        return "profile:" + profileId + ":cloudfront-key";
    }

    private static String normalizeDomain(String text) {
        String d = blankToNull(text);
        if (d == null) {
            return null;
        }
        if (d.contains("://")) {
            URI uri = URI.create(d);
            d = uri.getHost() == null ? d : uri.getHost();
        }
        d = d.toLowerCase(Locale.ROOT);
        while (d.endsWith("/") || d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (!DOMAIN.matcher(d).matches()) {
            throw new InvalidInputException("'" + text.strip() + "' is not a domain name such as "
                    + "d111111abcdef8.cloudfront.net or cdn.example.com.");
        }
        return d;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
