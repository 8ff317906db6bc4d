package org.linkdesk.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3XmlTest {

    @Test
    void readsCodeMessageAndOtherElements() {
        S3ErrorBody error = S3Xml.parseError(bytes("<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code>"
                + "<Message>The specified key &amp; more does not exist.</Message><Key>a/b.txt</Key>"
                + "<RequestId>ABC</RequestId></Error>"));

        assertThat(error.code()).isEqualTo("NoSuchKey");
        assertThat(error.message()).isEqualTo("The specified key & more does not exist.");
        assertThat(error.element("Key")).isEqualTo("a/b.txt");
        assertThat(error.hasCode("NoSuchKey")).isTrue();
    }

    @Test
    void emptyOrForeignBodiesGiveNoCode() {
        assertThat(S3Xml.parseError(new byte[0])).isEqualTo(S3ErrorBody.EMPTY);
        assertThat(S3Xml.parseError(bytes("<html><body>Bad gateway</body></html>")).code()).isNull();
        assertThat(S3Xml.parseError(bytes("not xml at all")).code()).isNull();
        assertThat(S3Xml.parseError(bytes("<Error><Code>Truncat")).code()).isNull();
    }

    @Test
    void externalEntitiesAreNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Error [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<Error><Code>AccessDenied</Code><Message>&x;</Message></Error>";

        S3ErrorBody error = S3Xml.parseError(bytes(xxe));

        assertThat(String.valueOf(error.message())).doesNotContain("TOP-SECRET");
        assertThat(error.elements().values()).noneMatch(v -> v.contains("TOP-SECRET"));
    }

    @Test
    void aBodyThatIsNoBucketListIsAServerError() {
        assertThatThrownBy(() -> S3Xml.parseBucketList(bytes("<Error><Code>X</Code></Error>")))
                .isInstanceOf(S3ServerException.class)
                .hasMessage("The server's answer is not a bucket list. Check the endpoint URL.");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
