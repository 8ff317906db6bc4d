package org.linkdesk.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Parsing ListObjectsV2 answers as Amazon S3 writes them. */
class ListingXmlTest {
    private static byte[] xml(String body) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult "
                + "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + body + "</ListBucketResult>")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void urlEncodedNamesAreDecodedExactly() {
        ObjectListing page = ListingXml.parse("b", "dir/", xml("<Name>b</Name><Prefix>dir%2F</Prefix>"
                + "<KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys><Delimiter>%2F</Delimiter>"
                + "<EncodingType>url</EncodingType><IsTruncated>true</IsTruncated>"
                + "<Contents><Key>dir%2Fa+b%2Bc%F0%9F%98%80%01.txt</Key>"
                + "<LastModified>2025-01-02T03:04:05.000Z</LastModified><ETag>&quot;abc123&quot;</ETag>"
                + "<Size>42</Size><StorageClass>GLACIER</StorageClass></Contents>"
                + "<CommonPrefixes><Prefix>dir%2Fsub+folder%2F</Prefix></CommonPrefixes>"
                + "<NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>"));

        assertThat(page.objects()).containsExactly(new ListedObject("dir/a b+c😀\u0001.txt", 42,
                Instant.parse("2025-01-02T03:04:05Z"), "abc123", "GLACIER"));
        assertThat(page.commonPrefixes()).containsExactly("dir/sub folder/");
        assertThat(page.nextContinuationToken()).isEqualTo("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=");
        assertThat(page.prefix()).isEqualTo("dir/");
    }

    @Test
    void withoutEncodingTypeNamesAreTakenVerbatim() {
        ObjectListing page = ListingXml.parse("b", "", xml("<IsTruncated>false</IsTruncated>"
                + "<Contents><Key> a+b%20c </Key><Size>1</Size></Contents>"));
        assertThat(page.objects().get(0).key()).isEqualTo(" a+b%20c ");
        assertThat(page.objects().get(0).storageClass()).isEqualTo("STANDARD");
        assertThat(page.isTruncated()).isFalse();
    }

    @Test
    void aTruncatedListWithoutTokenOrAnotherDocumentIsRefused() {
        assertThatThrownBy(() -> ListingXml.parse("b", "", xml("<IsTruncated>true</IsTruncated>")))
                .isInstanceOf(S3ServerException.class).hasMessageContaining("continuation token");
        assertThatThrownBy(() -> ListingXml.parse("b", "", "<html>hi</html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(S3ServerException.class).hasMessageContaining("not an object list");
        assertThatThrownBy(() -> ListingXml.parse("b", "", "<ListBucketResult><".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(S3ServerException.class);
    }
}
