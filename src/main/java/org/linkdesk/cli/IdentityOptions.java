package org.linkdesk.cli;

import org.linkdesk.wiring.Services;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.profiles.CredentialExpiry;
import org.linkdesk.profiles.Profile;
import picocli.CommandLine.Option;

/** {@code --profile}, {@code --aws-profile} and {@code --path-style}: who signs, and against which endpoint. */
final class IdentityOptions {

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Saved profile to sign with (needs the master password unless its secret is in the "
                    + "system keychain or it uses an AWS CLI profile). "
                    + "Default: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION, "
                    + "AWS_ENDPOINT_URL_S3 from the environment, else AWS_PROFILE.")
    String profile;

    @Option(names = "--aws-profile", paramLabel = "NAME",
            description = "AWS CLI profile to sign with, read from ~/.aws (SSO, assumed role, credential_process "
                    + "and keys); nothing is copied into Linkdesk. Default: AWS_PROFILE when no access key is set.")
    String awsProfile;

    @Option(names = "--path-style", description = "Address the bucket in the path (host/bucket/key).")
    boolean pathStyle;

    /** What the credentials' expiry depends on, once resolved ("your SSO session"), or null. */
    private String credentialSource;

    /** The saved profile named by {@code --profile}, an AWS CLI profile, else the environment's credentials. */
    SigningIdentity resolve(LinkdeskCommand root) {
        if (profile != null && awsProfile != null) {
            throw new CliException(ExitCodes.USAGE, "Give either --profile or --aws-profile, not both.");
        }
        if (profile == null) {
            String name = awsProfile;
            if (name == null && blank(root.io().env().get("AWS_ACCESS_KEY_ID"))) {
                name = blank(root.io().env().get("AWS_PROFILE")) ? null : root.io().env().get("AWS_PROFILE").strip();
            }
            if (name != null) {
                AwsCliIdentity.Resolved r = AwsCliIdentity.resolve(name, root.io().env(), pathStyle);
                credentialSource = r.credentialSource();
                return r.identity();
            }
            SigningIdentity env = EnvironmentIdentity.resolve(root.io().env(), pathStyle);
            credentialSource = env.credentials().expiration() == null ? null : "the session token";
            return env;
        }
        Services services = root.services();
        Profile saved = services.profiles().find(profile).orElseThrow(() -> new CliException(ExitCodes.NOT_FOUND,
                "There is no profile named \"" + profile + "\"; 'linkdesk profiles' lists them."));
        if (saved.storage() == org.linkdesk.profiles.SecretStorage.VAULT) {
            root.unlockVault();
        }
        AwsCredentials credentials = services.profiles().credentials(saved);
        credentialSource = services.profiles().knownExpiry(saved).map(CredentialExpiry::source)
                .orElse(credentials.expiration() == null ? null : "the session token");
        S3Endpoint endpoint = pathStyle ? S3Endpoint.of(saved.endpointUrl(), saved.region(), true) : saved.endpoint();
        return new SigningIdentity(saved.id(), saved.name(), endpoint, credentials);
    }

    /** After {@link #resolve}: what the credentials' expiry depends on, or null. */
    String credentialSource() {
        return credentialSource;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
