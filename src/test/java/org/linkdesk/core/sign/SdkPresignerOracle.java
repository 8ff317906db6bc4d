package org.linkdesk.core.sign;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.presigner.PresignedRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigns a {@link PresignCase} with the AWS SDK v2 {@code S3Presigner} (presignGetObject, presignPutObject,
 * presignHeadObject, presignDeleteObject), one presigner per endpoint configuration.
 */
final class SdkPresignerOracle implements AutoCloseable {

    /** What the SDK produced: the URL and the headers (besides host, names lower-cased) the caller must send. */
    record Result(String url, Map<String, String> signedHeaders) {
    }

    private final Map<String, S3Presigner> presigners = new HashMap<>();

    /** Presigns at the case's signing time. */
    Result presign(PresignCase c) {
        return presign(c, c.signingTime());
    }

    /** Presigns at {@code signingTime}, or at the SDK's own current time when null. */
    Result presign(PresignCase c, Instant signingTime) {
        S3Presigner presigner = presigners.computeIfAbsent(c.endpointUrl() + "|" + c.region() + "|" + c.sdkPathStyle(),
                k -> build(c));
        AwsRequestOverrideConfiguration.Builder override = AwsRequestOverrideConfiguration.builder()
                .credentialsProvider(StaticCredentialsProvider.create(sdkCredentials(c.credentials())));
        if (signingTime != null) {
            override.putExecutionAttribute(FixedSigningClockInterceptor.CLOCK, Clock.fixed(signingTime, ZoneOffset.UTC));
        }
        AwsRequestOverrideConfiguration config = override.build();
        LinkOptions o = c.options();
        PresignedRequest presigned = switch (o.method()) {
            case GET -> presigner.presignGetObject(p -> p.signatureDuration(o.expiresIn()).getObjectRequest(get(c, config)));
            case PUT -> presigner.presignPutObject(p -> p.signatureDuration(o.expiresIn()).putObjectRequest(
                    PutObjectRequest.builder().bucket(c.bucket()).key(c.key()).contentType(o.contentType())
                            .overrideConfiguration(config).build()));
            case HEAD -> presigner.presignHeadObject(p -> p.signatureDuration(o.expiresIn()).headObjectRequest(
                    HeadObjectRequest.builder().bucket(c.bucket()).key(c.key()).versionId(o.versionId())
                            .overrideConfiguration(config).build()));
            case DELETE -> presigner.presignDeleteObject(p -> p.signatureDuration(o.expiresIn()).deleteObjectRequest(
                    DeleteObjectRequest.builder().bucket(c.bucket()).key(c.key()).versionId(o.versionId())
                            .overrideConfiguration(config).build()));
        };
        Map<String, String> headers = new TreeMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        return new Result(presigned.url().toString(), headers);
    }

    private static GetObjectRequest get(PresignCase c, AwsRequestOverrideConfiguration config) {
        LinkOptions o = c.options();
        GetObjectRequest.Builder b = GetObjectRequest.builder().bucket(c.bucket()).key(c.key()).overrideConfiguration(config);
        if (o.cacheControl() != null) {
            b.responseCacheControl(o.cacheControl());
        }
        if (o.downloadName() != null || o.inline()) {
            b.responseContentDisposition(LinkOptions.contentDisposition(o.inline(), o.downloadName()));
        }
        if (o.responseContentType() != null) {
            b.responseContentType(o.responseContentType());
        }
        return b.versionId(o.versionId()).build();
    }

    private static software.amazon.awssdk.auth.credentials.AwsCredentials sdkCredentials(AwsCredentials credentials) {
        return credentials.hasSessionToken()
                ? AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken())
                : AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey());
    }

    private static S3Presigner build(PresignCase c) {
        S3Presigner.Builder b = S3Presigner.builder()
                .region(Region.of(c.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("unused", "unused")))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(c.sdkPathStyle()).build());
        if (c.endpointUrl() != null) {
            b.endpointOverride(URI.create(c.sdkEndpointUrl()));
        }
        return b.build();
    }

    @Override
    public void close() {
        presigners.values().forEach(S3Presigner::close);
        presigners.clear();
    }
}
