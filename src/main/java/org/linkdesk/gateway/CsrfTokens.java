package org.linkdesk.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Double-submit CSRF tokens: the landing page sets a random token in an HttpOnly, SameSite=Strict cookie and in the
 * form; a POST counts only when both are there and equal (compared in constant time).
 */
final class CsrfTokens {
    static final String COOKIE = "linkdesk_csrf";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private final SecureRandom random = new SecureRandom();

    /** The visitor's token if it has a sound one, else a new one. */
    String tokenFor(String cookieValue) {
        if (cookieValue != null && WELL_FORMED.matcher(cookieValue).matches()) {
            return cookieValue;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String setCookie(String token, boolean secure) {
        return COOKIE + "=" + token + "; Path=/s/; HttpOnly; SameSite=Strict; Max-Age=86400" + (secure ? "; Secure" : "");
    }

    static boolean matches(String cookieValue, String formValue) {
        if (cookieValue == null || formValue == null || !WELL_FORMED.matcher(cookieValue).matches()) {
            return false;
        }
        return MessageDigest.isEqual(cookieValue.getBytes(StandardCharsets.US_ASCII),
                formValue.getBytes(StandardCharsets.US_ASCII));
    }
}
