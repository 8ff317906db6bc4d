package org.linkdesk.cli;

import org.linkdesk.app.Services;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.profiles.Profile;
import picocli.CommandLine.Option;

/** {@code --profile} and {@code --path-style}: who signs, and against which endpoint. */
final class IdentityOptions {

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Saved profile to sign with (needs the master password). "
                    + "Default: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION, "
                    + "AWS_ENDPOINT_URL_S3 from the environment.")
    String profile;

    @Option(names = "--path-style", description = "Address the bucket in the path (host/bucket/key).")
    boolean pathStyle;

    /** The saved profile named by {@code --profile}, else the environment's credentials. */
    SigningIdentity resolve(LinkdeskCommand root) {
        if (profile == null) {
            return EnvironmentIdentity.resolve(root.io().env(), pathStyle);
        }
        Services services = root.services();
        Profile saved = services.profiles().find(profile).orElseThrow(() -> new CliException(ExitCodes.NOT_FOUND,
                "There is no profile named \"" + profile + "\"; 'linkdesk profiles' lists them."));
        root.unlockVault();
        AwsCredentials credentials = services.profiles().credentials(saved);
        S3Endpoint endpoint = pathStyle ? S3Endpoint.of(saved.endpointUrl(), saved.region(), true) : saved.endpoint();
        return new SigningIdentity(saved.id(), saved.name(), endpoint, credentials);
    }
}
