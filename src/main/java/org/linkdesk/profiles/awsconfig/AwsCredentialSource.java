package org.linkdesk.profiles.awsconfig;

import org.linkdesk.core.sign.AwsCredentials;

/**
 * Gets the current credentials of an AWS CLI profile, at the moment a link is made. The real one
 * ({@link #sdk}) uses the AWS SDK's credential modules, loaded only when first called.
 */
public interface AwsCredentialSource {

    /**
     * @throws AwsCredentialsUnavailableException with a plain-words reason (not logged in, expired SSO session,
     *                                            failing process, unknown profile)
     */
    AwsCredentials resolve(String awsProfileName, AwsConfigFiles files);

    /** The AWS SDK, found by name at first use so its classes stay off the start-up path. */
    static AwsCredentialSource sdk() {
        return LazySdk.INSTANCE;
    }

    /** Holder: the SDK bridge class is loaded on the first {@link #resolve}, not when this interface is. */
    final class LazySdk implements AwsCredentialSource {
        static final LazySdk INSTANCE = new LazySdk();
        private volatile AwsCredentialSource delegate;

        private LazySdk() {
        }

        @Override
        public AwsCredentials resolve(String awsProfileName, AwsConfigFiles files) {
            // credential_process is run by Linkdesk itself, so a failure can say what failed.
            java.util.Optional<String> command = ProcessCredentials.commandOf(awsProfileName, files);
            if (command.isPresent()) {
                return ProcessCredentials.resolve(awsProfileName, command.get());
            }
            AwsCredentialSource d = delegate;
            if (d == null) {
                try {
                    d = (AwsCredentialSource) Class.forName("org.linkdesk.profiles.awsconfig.SdkCredentialSource")
                            .getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException | LinkageError e) {
                    throw new AwsCredentialsUnavailableException("The AWS SDK modules Linkdesk uses for AWS CLI "
                            + "profiles are missing from this installation; reinstall Linkdesk.", e);
                }
                delegate = d;
            }
            return d.resolve(awsProfileName, files);
        }
    }
}
