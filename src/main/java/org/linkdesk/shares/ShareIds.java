package org.linkdesk.shares;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Protected-share ids: 128 bits from {@link SecureRandom}, base64url without padding (22 characters). */
public final class ShareIds {
    public static final int LENGTH = 22;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShareIds() {
    }

    /** A new id; never one starting with '-', which a command line would take for an option. */
    public static String next() {
        byte[] bytes = new byte[16];
        String id;
        do {
            RANDOM.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.charAt(0) == '-');
        return id;
    }

    /** Whether {@code id} could be an id at all (anything else is not looked up). */
    public static boolean isWellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }
}
