package org.linkdesk.profiles;

import java.util.ArrayList;
import java.util.List;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.S3Endpoint;

/**
 * What the user typed in the profile dialog. On update, a null or empty secret (or token, with
 * {@code keepSessionToken}) keeps the stored one. With {@code awsProfile} set, the profile refers to that AWS CLI
 * profile and carries no keys; else {@code storage} says where the secret goes (the vault or the OS keychain).
 */
public record ProfileDraft(String name, String accessKeyId, String secretAccessKey, String sessionToken,
                           boolean keepSessionToken, String region, String endpointUrl, boolean pathStyle,
                           String awsProfile, String provider, SecretStorage storage) {

    /** Keys kept in the vault. */
    public ProfileDraft(String name, String accessKeyId, String secretAccessKey, String sessionToken,
                        boolean keepSessionToken, String region, String endpointUrl, boolean pathStyle) {
        this(name, accessKeyId, secretAccessKey, sessionToken, keepSessionToken, region, endpointUrl, pathStyle, null,
                null, SecretStorage.VAULT);
    }

    public ProfileDraft {
        if (storage == null) {
            storage = SecretStorage.VAULT;
        }
        if (awsProfile != null && awsProfile.isBlank()) {
            awsProfile = null;
        }
        if (awsProfile != null) {
            storage = SecretStorage.AWS_CLI;
        } else if (storage == SecretStorage.AWS_CLI) {
            throw new IllegalArgumentException("an AWS CLI profile needs its name");
        }
    }

    /** A profile that refers to the AWS CLI profile {@code awsProfile}. */
    public static ProfileDraft awsReference(String name, String awsProfile, String region, String endpointUrl,
                                            boolean pathStyle) {
        return new ProfileDraft(name, null, null, null, false, region, endpointUrl, pathStyle, awsProfile.strip(),
                null, SecretStorage.AWS_CLI);
    }

    public boolean isAwsReference() {
        return awsProfile != null;
    }

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
        if (isAwsReference()) {
            if (awsProfile.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                problems.add("The AWS CLI profile name must not contain spaces.");
            } else if (awsProfile.length() > MAX_NAME_LENGTH) {
                problems.add("The AWS CLI profile name is too long; use at most " + MAX_NAME_LENGTH + " characters.");
            }
        }
        String id = strip(accessKeyId);
        if (isAwsReference()) {
            id = "unused";
        }
        if (id == null) {
            problems.add("Enter the access key id.");
        } else if (id.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            problems.add("The access key id must not contain spaces.");
        } else if (id.length() > MAX_ACCESS_KEY_ID_LENGTH) {
            problems.add("The access key id is too long; access key ids have at most " + MAX_ACCESS_KEY_ID_LENGTH
                    + " characters.");
        }
        String secret = strip(secretAccessKey);
        if (creating && secret == null && !isAwsReference()) {
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
        return "ProfileDraft[" + name + ", " + (isAwsReference() ? "aws:" + awsProfile : accessKeyId) + ", " + region
                + ", " + endpointUrl + ", " + storage + "]";
    }
}
