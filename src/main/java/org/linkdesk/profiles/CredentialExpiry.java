package org.linkdesk.profiles;

import java.time.Instant;

/**
 * When a profile's temporary credentials stop working, and what they come from, as in "your SSO session" ends at
 * 17:40.
 */
public record CredentialExpiry(Instant expiresAt, String source) {
}
