package org.linkdesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.linkdesk.profiles.ProviderPreset;
import org.linkdesk.profiles.SecretStorage;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The profile fields {@code profiles add} and {@code profiles edit} accept. */
final class ProfileFieldOptions {

    @Option(names = "--provider", paramLabel = "PROVIDER", converter = PresetConverter.class,
            description = "aws, minio, r2, b2, wasabi, spaces or custom: fills the endpoint, region and "
                    + "addressing style.")
    ProviderPreset provider;

    @Option(names = "--region", paramLabel = "REGION", description = "Signing region (e.g. eu-west-1, auto).")
    String region;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Endpoint URL; empty for Amazon S3.")
    String endpoint;

    @Option(names = "--account-id", paramLabel = "ID", description = "Cloudflare R2: the account id.")
    String accountId;

    @Option(names = "--path-style", negatable = true, description = "Path-style URLs (host/bucket/key).")
    Boolean pathStyle;

    @Option(names = "--access-key-id", paramLabel = "ID", description = "The access key id.")
    String accessKeyId;

    @Option(names = "--secret-stdin", description = "Read the secret access key from the next line of standard "
            + "input (after the master password with --password-stdin).")
    boolean secretStdin;

    @Option(names = "--from-env", description = "Take AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and "
            + "AWS_SESSION_TOKEN from the environment.")
    boolean fromEnv;

    @Option(names = "--aws-profile", paramLabel = "NAME", description = "Refer to this AWS CLI profile instead of "
            + "storing keys (SSO, assumed role, credential_process).")
    String awsProfile;

    @Option(names = "--store", paramLabel = "WHERE", converter = StorageConverter.class,
            description = "Where the secret is kept: vault (default, master password) or keychain (the system "
                    + "keychain).")
    SecretStorage storage;

    String secret;
    String sessionToken;

    /** Reads the secret from stdin or the environment, as asked. */
    void readSecrets(LinkdeskCommand root) {
        if (fromEnv) {
            accessKeyId = accessKeyId != null ? accessKeyId : root.io().env().get("AWS_ACCESS_KEY_ID");
            secret = root.io().env().get("AWS_SECRET_ACCESS_KEY");
            sessionToken = root.io().env().get("AWS_SESSION_TOKEN");
            if (secret == null || secret.isBlank()) {
                throw new CliException(ExitCodes.USAGE, "--from-env was given but AWS_SECRET_ACCESS_KEY is not set.");
            }
        } else if (secretStdin) {
            try {
                secret = root.io().stdin().readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the secret from standard input.", e);
            }
            if (secret == null || secret.isBlank()) {
                throw new CliException(ExitCodes.USAGE, "--secret-stdin was given but standard input has no secret.");
            }
        }
    }

    /** The endpoint the options ask for, given the preset's pattern. */
    String endpointFor(String regionNow, String endpointNow) {
        if (endpoint != null) {
            return endpoint.isBlank() ? null : endpoint;
        }
        if (provider == null) {
            return endpointNow;
        }
        if (provider.endpointIsTyped()) {
            throw new CliException(ExitCodes.USAGE, "--provider " + provider.label() + " needs --endpoint URL.");
        }
        return provider.endpointFor(regionNow, accountId);
    }

    static final class PresetConverter implements ITypeConverter<ProviderPreset> {
        @Override
        public ProviderPreset convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "aws", "s3", "amazon-s3" -> ProviderPreset.AMAZON_S3;
                case "minio" -> ProviderPreset.MINIO;
                case "r2", "cloudflare-r2", "cloudflare" -> ProviderPreset.CLOUDFLARE_R2;
                case "b2", "backblaze-b2", "backblaze" -> ProviderPreset.BACKBLAZE_B2;
                case "wasabi" -> ProviderPreset.WASABI;
                case "spaces", "digitalocean", "digitalocean-spaces", "do" -> ProviderPreset.DIGITALOCEAN_SPACES;
                case "custom", "ceph", "other" -> ProviderPreset.CUSTOM;
                default -> throw new IllegalArgumentException("unknown provider '" + value + "' (use aws, minio, r2, "
                        + "b2, wasabi, spaces or custom)");
            };
        }
    }

    static final class StorageConverter implements ITypeConverter<SecretStorage> {
        @Override
        public SecretStorage convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "vault" -> SecretStorage.VAULT;
                case "keychain" -> SecretStorage.KEYCHAIN;
                default -> throw new IllegalArgumentException("--store takes vault or keychain, not '" + value + "'");
            };
        }
    }
}
