package org.linkdesk.upload;

import java.net.URI;
import java.util.List;
import org.linkdesk.testing.S3ProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** The AWS SDK's S3Client on the test server: the independent client that reads uploads back. */
public final class SdkReader implements AutoCloseable {
    private final S3Client client;

    public SdkReader(S3ProxyServer s3) {
        client = S3Client.builder().endpointOverride(URI.create(s3.endpoint())).region(Region.US_EAST_1)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        S3ProxyServer.ACCESS_KEY_ID, S3ProxyServer.SECRET_ACCESS_KEY)))
                .build();
    }

    public byte[] read(String bucket, String key) {
        return client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    public String contentType(String bucket, String key) {
        return client.headObject(b -> b.bucket(bucket).key(key)).contentType();
    }

    public List<MultipartUpload> unfinished(String bucket) {
        return client.listMultipartUploads(b -> b.bucket(bucket)).uploads();
    }

    public String startMultipart(String bucket, String key) {
        return client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    }

    public S3Client client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}
