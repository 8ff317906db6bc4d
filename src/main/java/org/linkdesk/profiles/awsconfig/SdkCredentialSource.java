package org.linkdesk.profiles.awsconfig;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.linkdesk.core.sign.AwsCredentials;

/**
 * The AWS SDK v2 {@code ProfileCredentialsProvider} (SSO cached tokens, {@code role_arn}/{@code source_profile},
 * {@code credential_process}, static keys), called by reflection: the SDK modules are runtime-only dependencies
 * and are loaded only when {@link AwsCredentialSource#sdk()} is first used. One provider is kept per profile and
 * files, so the SDK's own caching and refreshing of temporary credentials work across links.
 */
final class SdkCredentialSource implements AwsCredentialSource {
    private static final String PROFILES = "software.amazon.awssdk.profiles.";
    private static final String AUTH = "software.amazon.awssdk.auth.credentials.";
    private static final String IDENTITY = "software.amazon.awssdk.identity.spi.";

    private final Map<String, Object> providers = new ConcurrentHashMap<>();
    private final Method resolveCredentials;
    private final Method accessKeyId;
    private final Method secretAccessKey;
    private final Method expirationTime;
    private final Class<?> sessionIdentity;
    private final Method sessionToken;

    SdkCredentialSource() throws ReflectiveOperationException {
        resolveCredentials = load(AUTH + "AwsCredentialsProvider").getMethod("resolveCredentials");
        Class<?> identity = load(IDENTITY + "AwsCredentialsIdentity");
        accessKeyId = identity.getMethod("accessKeyId");
        secretAccessKey = identity.getMethod("secretAccessKey");
        expirationTime = identity.getMethod("expirationTime");
        sessionIdentity = load(IDENTITY + "AwsSessionCredentialsIdentity");
        sessionToken = sessionIdentity.getMethod("sessionToken");
    }

    @Override
    public AwsCredentials resolve(String awsProfileName, AwsConfigFiles files) {
        try {
            Object provider = providers.computeIfAbsent(awsProfileName + "\0" + files, k -> provider(awsProfileName,
                    files));
            Object credentials = resolveCredentials.invoke(provider);
            String token = sessionIdentity.isInstance(credentials) ? (String) sessionToken.invoke(credentials) : null;
            Instant expiration = ((Optional<?>) expirationTime.invoke(credentials)).map(Instant.class::cast)
                    .orElse(null);
            return new AwsCredentials((String) accessKeyId.invoke(credentials),
                    (String) secretAccessKey.invoke(credentials), token, expiration);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new AwsCredentialsUnavailableException(sdkMessage(cause), cause);
        } catch (IllegalAccessException e) {
            throw new AwsCredentialsUnavailableException("The AWS SDK in this installation does not work with "
                    + "Linkdesk; reinstall Linkdesk.", e);
        } catch (SdkCallFailed e) {
            throw new AwsCredentialsUnavailableException(sdkMessage(e.getCause()), e.getCause());
        }
    }

    private static Object provider(String profileName, AwsConfigFiles files) {
        try {
            Class<?> profileFile = load(PROFILES + "ProfileFile");
            Class<?> type = load(PROFILES + "ProfileFile$Type");
            Class<?> fileBuilder = load(PROFILES + "ProfileFile$Builder");
            Class<?> aggregator = load(PROFILES + "ProfileFile$Aggregator");
            Object agg = profileFile.getMethod("aggregator").invoke(null);
            add(agg, aggregator, profileFile, fileBuilder, type, files.config(), "CONFIGURATION");
            add(agg, aggregator, profileFile, fileBuilder, type, files.credentials(), "CREDENTIALS");
            Object aggregated = aggregator.getMethod("build").invoke(agg);
            Class<?> providerClass = load(AUTH + "ProfileCredentialsProvider");
            Class<?> builderClass = load(AUTH + "ProfileCredentialsProvider$Builder");
            Object builder = providerClass.getMethod("builder").invoke(null);
            builderClass.getMethod("profileFile", profileFile).invoke(builder, aggregated);
            builderClass.getMethod("profileName", String.class).invoke(builder, profileName);
            return builderClass.getMethod("build").invoke(builder);
        } catch (InvocationTargetException e) {
            throw new SdkCallFailed(e.getCause() != null ? e.getCause() : e);
        } catch (ReflectiveOperationException e) {
            throw new SdkCallFailed(e);
        }
    }

    private static void add(Object agg, Class<?> aggregator, Class<?> profileFile, Class<?> fileBuilder,
                            Class<?> type, Path path, String typeName) throws ReflectiveOperationException {
        if (!Files.isRegularFile(path)) {
            return;
        }
        Object b = profileFile.getMethod("builder").invoke(null);
        fileBuilder.getMethod("content", Path.class).invoke(b, path);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object t = Enum.valueOf((Class) type, typeName);
        fileBuilder.getMethod("type", type).invoke(b, t);
        aggregator.getMethod("addFile", profileFile).invoke(agg, fileBuilder.getMethod("build").invoke(b));
    }

    private static String sdkMessage(Throwable cause) {
        String m = cause.getMessage();
        if (m == null || m.isBlank()) {
            return "The AWS SDK could not get the credentials (" + cause.getClass().getSimpleName() + ").";
        }
        // The SDK sometimes appends a long list of the providers it tried; the first sentence is what matters.
        int cut = m.indexOf(" : [");
        return cut > 0 ? m.substring(0, cut) : m;
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, true, SdkCredentialSource.class.getClassLoader());
    }

    /** A failure while building the provider, carried out of {@code computeIfAbsent}. */
    private static final class SdkCallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SdkCallFailed(Throwable cause) {
            super(cause);
        }
    }
}
