package org.linkdesk.profiles;

import java.util.ArrayList;
import java.util.List;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.S3Endpoint;

/**
 * What the user typed in the profile dialog. On update, a null or empty secret (or token, with
 * {@code keepSessionToken}) keeps the stored one.
 */
public record ProfileDraft(String name, String accessKeyId, String secretAccessKey, String sessionToken,
                           boolean keepSessionToken, String region, String endpointUrl, boolean pathStyle) {

    public static final int MAX_NAME_LENGTH = 64;
    static final int MAX_ACCESS_KEY_ID_LENGTH = 128;
    static final int MAX_ENDPOINT_URL_LENGTH = 2048;

    /** Problems a user must fix, each a sentence; empty when the draft can be saved. {@code creating}: a secret is required. */
    public List<String> problems(boolean creating) {
        List<String> problems = new ArrayList<>();
        String n = strip(name);
        if (n == null) {
            problems.add("Enter a name for the profile.");
        } else if (n.codePointCount(0, n.length()) > MAX_NAME_LENGTH) {
            problems.add("The profile name is too long; use at most " + MAX_NAME_LENGTH + " characters.");
        } else if (n.chars().anyMatch(Character::isISOControl)) {
            problems.add("The profile name must not contain tabs, line breaks or other control characters.");
        }
        String id = strip(accessKeyId);
        if (id == null) {
            problems.add("Enter the access key id.");
        } else if (id.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            problems.add("The access key id must not contain spaces.");
        } else if (id.length() > MAX_ACCESS_KEY_ID_LENGTH) {
            problems.add("The access key id is too long; access key ids have at most " + MAX_ACCESS_KEY_ID_LENGTH
                    + " characters.");
        }
        String secret = strip(secretAccessKey);
        if (creating && secret == null) {
            problems.add("Enter the secret access key.");
        } else if (secret != null && secret.chars().anyMatch(Character::isISOControl)) {
            problems.add("The secret access key must not contain line breaks or other control characters.");
        }
        String token = strip(sessionToken);
        if (token != null && token.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            problems.add("The session token must not contain spaces or line breaks.");
        }
        String endpoint = strip(endpointUrl);
        try {
            S3Endpoint.aws(strip(region), false);
        } catch (InvalidInputException e) {
            problems.add(e.getMessage());
        }
        if (endpoint != null && endpoint.length() > MAX_ENDPOINT_URL_LENGTH) {
            problems.add("The endpoint URL is too long; use at most " + MAX_ENDPOINT_URL_LENGTH + " characters.");
        } else if (endpoint != null) {
            try {
                S3Endpoint.parseEndpoint(endpoint);
            } catch (InvalidInputException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** The name as it is saved. */
    String cleanName() {
        return strip(name);
    }

    String cleanAccessKeyId() {
        return strip(accessKeyId);
    }

    String cleanSecret() {
        return strip(secretAccessKey);
    }

    String cleanSessionToken() {
        return strip(sessionToken);
    }

    String cleanRegion() {
        return strip(region);
    }

    String cleanEndpointUrl() {
        return strip(endpointUrl);
    }

    /** Trims; null for blank. */
    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "ProfileDraft[" + name + ", " + accessKeyId + ", " + region + ", " + endpointUrl + "]";
    }
}
