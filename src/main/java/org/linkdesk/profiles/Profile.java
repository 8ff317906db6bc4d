package org.linkdesk.profiles;

import java.time.Instant;
import org.linkdesk.core.sign.S3Endpoint;

/**
 * A saved credential profile; its secrets stay in the vault or the OS keychain, or, for a profile that refers to
 * an AWS CLI profile ({@code awsProfile} set), are not stored at all.
 *
 * @param accessKeyId null for an AWS CLI profile
 * @param provider    the {@link ProviderPreset} name the profile was made with, or null
 */
public record Profile(long id, String name, String accessKeyId, String region, String endpointUrl, boolean pathStyle,
                      boolean hasSessionToken, Instant createdAt, Instant updatedAt, String awsProfile,
                      String provider, SecretStorage storage) {

    /** A profile with keys in the vault (the shape before AWS CLI profiles and keychains). */
    public Profile(long id, String name, String accessKeyId, String region, String endpointUrl, boolean pathStyle,
                   boolean hasSessionToken, Instant createdAt, Instant updatedAt) {
        this(id, name, accessKeyId, region, endpointUrl, pathStyle, hasSessionToken, createdAt, updatedAt, null, null,
                SecretStorage.VAULT);
    }

    public S3Endpoint endpoint() {
        return S3Endpoint.of(endpointUrl, region, pathStyle);
    }

    /** Whether the credentials come from an AWS CLI profile at the moment a link is made. */
    public boolean isAwsReference() {
        return awsProfile != null;
    }

    /** The preset it was made with, {@link ProviderPreset#CUSTOM} when unknown. */
    public ProviderPreset preset() {
        return ProviderPreset.byName(provider);
    }

    /** Who signs, for people: the access key id, or "AWS CLI profile x". */
    public String signerDescription() {
        return isAwsReference() ? "AWS CLI profile " + awsProfile : accessKeyId;
    }

    @Override
    public String toString() {
        return name;
    }
}
