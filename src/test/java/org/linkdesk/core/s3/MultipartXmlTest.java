package org.linkdesk.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartXmlTest {

    @Test
    void completeAnswerAfterKeepAliveSpaces() {
        String body = "      \n  <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CompleteMultipartUploadResult "
                + "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Bucket>b</Bucket><Key>k</Key>"
                + "<ETag>\"abc-3\"</ETag></CompleteMultipartUploadResult>";
        MultipartXml.Document d = MultipartXml.parse(body.getBytes(StandardCharsets.UTF_8), "");
        assertThat(d.root()).isEqualTo("CompleteMultipartUploadResult");
        assertThat(S3Uploads.unquote(d.get("ETag"))).isEqualTo("abc-3");
    }

    @Test
    void errorAfterA200IsAnError() {
        String body = "   <?xml version=\"1.0\"?><Error><Code>InternalError</Code><Message>x</Message></Error>";
        assertThat(MultipartXml.parse(body.getBytes(StandardCharsets.UTF_8), "").root()).isEqualTo("Error");
    }

    @Test
    void recordsOfAListing() {
        String body = "<ListPartsResult><IsTruncated>true</IsTruncated><NextPartNumberMarker>2</NextPartNumberMarker>"
                + "<Part><PartNumber>1</PartNumber><ETag>\"a\"</ETag><Size>5</Size></Part>"
                + "<Part><PartNumber>2</PartNumber><ETag>\"b\"</ETag><Size>6</Size></Part></ListPartsResult>";
        MultipartXml.Document d = MultipartXml.parse(body.getBytes(StandardCharsets.UTF_8), "Part");
        assertThat(d.records()).hasSize(2);
        assertThat(d.records().get(1)).containsEntry("Size", "6").containsEntry("ETag", "\"b\"");
        assertThat(d.get("NextPartNumberMarker")).isEqualTo("2");
    }
}
