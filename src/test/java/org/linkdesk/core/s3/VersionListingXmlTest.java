package org.linkdesk.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** ListObjectVersions answers as recorded from Amazon S3 (the documentation's example) and MinIO-style ids. */
class VersionListingXmlTest {

    private static final String AMAZON = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>bucket</Name><Prefix>my</Prefix><KeyMarker/><VersionIdMarker/><MaxKeys>5</MaxKeys>
              <IsTruncated>true</IsTruncated>
              <NextKeyMarker>my-second-image.jpg</NextKeyMarker>
              <NextVersionIdMarker>03jpff543dhffds434rfdsFDN943fdsFkdmqnh892</NextVersionIdMarker>
              <Version>
                <Key>my-image.jpg</Key><VersionId>3/L4kqtJl40Nr8X8gdRQBpUMLUo</VersionId><IsLatest>true</IsLatest>
                <LastModified>2009-10-12T17:50:30.000Z</LastModified><ETag>"fba9dede5f27731c9771645a39863328"</ETag>
                <Size>434234</Size><StorageClass>STANDARD</StorageClass>
                <Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID><DisplayName>mtd@amazon.com</DisplayName></Owner>
              </Version>
              <DeleteMarker>
                <Key>my-second-image.jpg</Key><VersionId>03jpff543dhffds434rfdsFDN943fdsFkdmqnh892</VersionId>
                <IsLatest>true</IsLatest><LastModified>2009-11-12T17:50:30.000Z</LastModified>
                <Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID></Owner>
              </DeleteMarker>
              <Version>
                <Key>my-second-image.jpg</Key><VersionId>QUpfdndhfd8438MNFDN93jdnJFkdmqnh893</VersionId>
                <IsLatest>false</IsLatest><LastModified>2009-10-10T17:50:30.000Z</LastModified>
                <ETag>"9b2cf535f27731c974343645a3985328"</ETag><Size>166434</Size><StorageClass>STANDARD</StorageClass>
              </Version>
              <Version>
                <Key>my-second-image.jpg</Key><VersionId>null</VersionId>
                <IsLatest>false</IsLatest><LastModified>2009-10-09T17:50:30.000Z</LastModified>
                <ETag>"1"</ETag><Size>1</Size>
              </Version>
            </ListVersionsResult>
            """;

    @Test
    void readsVersionsAndDeleteMarkersInOrder() {
        VersionListing listing = VersionListingXml.parse(AMAZON.getBytes(StandardCharsets.UTF_8));
        assertThat(listing.truncated()).isTrue();
        assertThat(listing.nextKeyMarker()).isEqualTo("my-second-image.jpg");
        assertThat(listing.nextVersionIdMarker()).isEqualTo("03jpff543dhffds434rfdsFDN943fdsFkdmqnh892");
        assertThat(listing.versions()).hasSize(4);
        ObjectVersion first = listing.versions().get(0);
        assertThat(first).isEqualTo(new ObjectVersion("my-image.jpg", "3/L4kqtJl40Nr8X8gdRQBpUMLUo", true, false,
                Instant.parse("2009-10-12T17:50:30Z"), 434234, "fba9dede5f27731c9771645a39863328"));
        assertThat(listing.versions().get(1).deleteMarker()).isTrue();
        assertThat(listing.versions().get(1).latest()).isTrue();
        assertThat(listing.versions().get(2).versionId()).isEqualTo("QUpfdndhfd8438MNFDN93jdnJFkdmqnh893");
        assertThat(listing.versions().get(3).versionId()).as("stored before versioning").isNull();
    }

    @Test
    void urlEncodedKeysAreDecoded() {
        String xml = "<ListVersionsResult><EncodingType>url</EncodingType><IsTruncated>false</IsTruncated>"
                + "<Version><Key>a%20b%2Bc%C3%A9%0A.txt</Key><VersionId>8f0e1c2a-7b3d-4e5f-9a6b-1c2d3e4f5a6b</VersionId>"
                + "<IsLatest>true</IsLatest><LastModified>2024-01-01T00:00:00Z</LastModified><Size>3</Size></Version>"
                + "</ListVersionsResult>";
        VersionListing listing = VersionListingXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(listing.versions().get(0).key()).isEqualTo("a b+cé\n.txt");
        assertThat(listing.truncated()).isFalse();
    }

    @Test
    void somethingElseIsRefusedInWords() {
        assertThatThrownBy(() -> VersionListingXml.parse("<ListBucketResult/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(S3ServerException.class).hasMessageContaining("not a version list");
        assertThatThrownBy(() -> VersionListingXml.parse("<ListVersionsResult>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(S3ServerException.class).hasMessageContaining("not valid XML");
    }
}
