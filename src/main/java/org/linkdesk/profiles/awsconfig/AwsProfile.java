package org.linkdesk.profiles.awsconfig;

/**
 * One profile from the AWS CLI files, merged from {@code credentials} and {@code config}.
 *
 * @param name            the profile name ({@code default} for the default one)
 * @param kind            how its credentials are obtained
 * @param accessKeyId     static access key id, or null
 * @param secretAccessKey static secret, or null
 * @param sessionToken    static session token, or null
 * @param region          region, or null
 * @param endpointUrl     S3 endpoint (service-specific before global), or null for Amazon S3
 * @param pathStyle       {@code s3.addressing_style = path}
 * @param detail          what the credentials come from, for people ("SSO https://my.awsapps.com/start",
 *                        "role arn:aws:iam::…", "credential_process"); never a secret
 * @param origin          file and line where the profile starts, for messages
 */
public record AwsProfile(String name, Kind kind, String accessKeyId, String secretAccessKey, String sessionToken,
                         String region, String endpointUrl, boolean pathStyle, String detail, String origin) {

    /** How an AWS CLI profile gets its credentials. */
    public enum Kind {
        STATIC("access key"),
        SSO("AWS SSO"),
        ASSUME_ROLE("assumed role"),
        PROCESS("credential_process"),
        WEB_IDENTITY("web identity"),
        NONE("no credentials");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** What a link signed with such credentials depends on, as in "your SSO session ends at 17:40". */
        public String expirySource() {
            return switch (this) {
                case SSO -> "your SSO session";
                case ASSUME_ROLE -> "the assumed role's session";
                case PROCESS -> "the credentials from credential_process";
                case WEB_IDENTITY -> "the web identity session";
                default -> "the session token";
            };
        }
    }

    /** Whether the keys themselves are in the file (and can be copied into Linkdesk). */
    public boolean hasStaticKeys() {
        return accessKeyId != null && secretAccessKey != null;
    }

    /** The access key id with all but its last 4 characters hidden. */
    public String maskedAccessKeyId() {
        return mask(accessKeyId);
    }

    static String mask(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 4 ? "****" : "****" + value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return "AwsProfile[" + name + ", " + kind + ", " + maskedAccessKeyId() + ", " + region + ", " + endpointUrl
                + "]";
    }
}
