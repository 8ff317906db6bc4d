package org.linkdesk.core.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class S3NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "my-bucket", "my.bucket.name", "1bucket", "bucket1", "a-b.c-d", "123",
        "xn-bucket", "s3alias-bucket", "192.168.1.a",
        "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij123"})
    void acceptsValidBucketNames(String bucket) {
        assertThat(S3Names.bucketProblem(bucket)).isEmpty();
        assertThat(S3Names.requireValidBucket(bucket)).isEqualTo(bucket);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ab|3 to 63 characters (this one has 2)",
        "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij1234|3 to 63 characters (this one has 64)",
        "My-Bucket|no upper-case letters",
        "my_bucket|only a-z, 0-9, '.' and '-'",
        "my bucket|only a-z, 0-9, '.' and '-'",
        "-bucket|starts and ends with a letter or digit",
        "bucket-|starts and ends with a letter or digit",
        ".bucket|starts and ends with a letter or digit",
        "bucket.|starts and ends with a letter or digit",
        "my..bucket|no two dots in a row",
        "my.-bucket|no dot next to a hyphen",
        "my-.bucket|no dot next to a hyphen",
        "192.168.1.1|cannot look like an IP address",
        "10.0.0.255|cannot look like an IP address",
        "xn--bucket|cannot start with",
        "sthree-bucket|cannot start with",
        "sthree-configurator|cannot start with",
        "amzn-s3-demo-bucket|cannot start with",
        "bucket-s3alias|cannot end with",
        "bucket--ol-s3|cannot end with",
        "bucket.mrap|cannot end with",
        "bucket--x-s3|cannot end with",
        "bucket--table-s3|cannot end with"})
    void rejectsInvalidBucketNamesSayingWhy(String bucket, String reason) {
        assertThat(S3Names.bucketProblem(bucket)).hasValueSatisfying(p -> assertThat(p).contains(reason));
        assertThatThrownBy(() -> S3Names.requireValidBucket(bucket))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void asksForABucketWhenThereIsNone() {
        assertThat(S3Names.bucketProblem(null)).contains("Enter a bucket name.");
        assertThat(S3Names.bucketProblem("")).contains("Enter a bucket name.");
    }

    @Test
    void acceptsAnyKeyUpTo1024Utf8Bytes() {
        assertThat(S3Names.keyProblem("a")).isEmpty();
        assertThat(S3Names.keyProblem("/leading//double/trailing/")).isEmpty();
        assertThat(S3Names.keyProblem(" spaces, tabs\t+%=&?#*'()!~\\ 写真 Привет 😀 ")).isEmpty();
        assertThat(S3Names.keyProblem("k".repeat(1024))).isEmpty();
        assertThat(S3Names.keyProblem("€".repeat(341))).as("1023 bytes").isEmpty();
        assertThat(S3Names.keyProblem("😀".repeat(256))).as("1024 bytes").isEmpty();
    }

    @Test
    void rejectsKeysLongerThan1024Utf8Bytes() {
        assertThat(S3Names.keyProblem("k".repeat(1025)))
                .contains("An object key is at most 1024 bytes in UTF-8 (this one has 1025).");
        assertThat(S3Names.keyProblem("€".repeat(342))).as("342 characters, 1026 bytes")
                .contains("An object key is at most 1024 bytes in UTF-8 (this one has 1026).");
        assertThat(S3Names.keyProblem("😀".repeat(256) + "a")).isPresent();
    }

    @Test
    void rejectsBrokenSurrogatePairs() {
        String broken = "The object key contains a broken Unicode character.";
        assertThat(S3Names.keyProblem("a\uD83D")).as("lone high surrogate at the end").contains(broken);
        assertThat(S3Names.keyProblem("a\uD83Db")).as("high surrogate before a letter").contains(broken);
        assertThat(S3Names.keyProblem("\uDE00a")).as("lone low surrogate").contains(broken);
        assertThat(S3Names.keyProblem("\uDE00\uD83D")).as("pair in the wrong order").contains(broken);
        assertThat(S3Names.keyProblem("\uD83D\uDE00")).as("a real emoji").isEmpty();
        assertThatThrownBy(() -> S3Names.requireValidKey("x\uD800"))
                .isInstanceOf(InvalidInputException.class).hasMessage(broken);
    }

    @Test
    void asksForAKeyWhenThereIsNone() {
        assertThat(S3Names.keyProblem(null)).contains("Enter an object key.");
        assertThat(S3Names.keyProblem("")).contains("Enter an object key.");
    }

    @Test
    void countsUtf8Bytes() {
        assertThat(S3Names.utf8Length("aé写😀")).isEqualTo(1 + 2 + 3 + 4);
    }
}
