package org.linkdesk.shares;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Client addresses are logged only as HMAC-SHA-256 under a secret salt made once per install (kept in the settings):
 * the same address gives the same hash, so repeat downloads show, but the log alone does not give the address back.
 */
final class ClientAddressHasher {
    static final String SALT_SETTING = "gateway.ip_hash_salt";

    private final ProtectedShareStore store;
    private volatile SecretKeySpec key;

    ClientAddressHasher(ProtectedShareStore store) {
        this.store = store;
    }

    String hash(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            byte[] digest = mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            String stored = store.settingIfAbsent(SALT_SETTING, Base64.getEncoder().encodeToString(fresh));
            k = new SecretKeySpec(Base64.getDecoder().decode(stored), "HmacSHA256");
            key = k;
        }
        return k;
    }
}
