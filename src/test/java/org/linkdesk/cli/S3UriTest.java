package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linkdesk.core.sign.InvalidInputException;

class S3UriTest {

    @ParameterizedTest(name = "{0} -> bucket {1}, key [{2}]")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "s3://bucket/key.txt|bucket|key.txt",
            "s3://bucket/dir/sub/file|bucket|dir/sub/file",
            "s3://b-1//x|b-1|/x",
            "s3://bucket/a b+c|bucket|a b+c",
            "s3://bucket/%20encoded%2F|bucket|%20encoded%2F",
            "s3://bucket/ leading and trailing |bucket| leading and trailing ",
            "s3://bucket/dir/|bucket|dir/",
            "s3://my.dotted.bucket/写真/ü?#&=|my.dotted.bucket|写真/ü?#&=",
            "S3://bucket/upper-scheme|bucket|upper-scheme"})
    void takesTheKeyLiterally(String text, String bucket, String key) {
        S3Uri uri = S3Uri.parse(text);

        assertThat(uri.bucket()).isEqualTo(bucket);
        assertThat(uri.key()).isEqualTo(key);
    }

    @Test
    void printsBackAsAnS3Uri() {
        assertThat(S3Uri.parse("s3://bucket//x")).hasToString("s3://bucket//x");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "s3://bucket|names no object",
            "s3://bucket/|names no object",
            "s3://|not a valid bucket name",
            "s3:///key|not a valid bucket name",
            "s3://Bucket/key|not a valid bucket name. A bucket name has no upper-case letters.",
            "s3://ab/key|not a valid bucket name. A bucket name has 3 to 63 characters",
            "s3://bad_bucket/key|not a valid bucket name",
            "https://bucket/key|is not an S3 URI",
            "bucket/key|is not an S3 URI"})
    void refusesWhatIsNotAnObject(String text, String message) {
        assertThatThrownBy(() -> S3Uri.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }

    @Test
    void refusesAKeyLongerThanS3Allows() {
        assertThatThrownBy(() -> S3Uri.parse("s3://bucket/" + "k".repeat(1025)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 1024 bytes");
    }
}
