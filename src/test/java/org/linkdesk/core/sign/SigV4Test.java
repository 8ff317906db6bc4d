package org.linkdesk.core.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SigV4Test {

    @Test
    void formatsAmzDatesLikeTheDateTimeFormatterPattern() {
        DateTimeFormatter pattern = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextLong(-62_000_000_000L, 253_402_300_799L), r.nextInt(1_000_000_000));
            assertThat(SigV4.amzDate(t)).isEqualTo(pattern.format(t));
        }
        assertThat(SigV4.amzDate(Instant.parse("2024-02-29T23:59:59.999Z"))).isEqualTo("20240229T235959Z");
        assertThat(SigV4.amzDate(Instant.EPOCH)).isEqualTo("19700101T000000Z");
    }

    @Test
    void refusesYearsThatDoNotHaveFourDigits() {
        assertThatThrownBy(() -> SigV4.amzDate(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canonicalHeaderValuesAreTrimmedWithInnerWhitespaceCollapsed() {
        assertThat(SigV4.canonicalHeaderValue("  text/plain;  charset=utf-8 \t")).isEqualTo("text/plain; charset=utf-8");
        assertThat(SigV4.canonicalHeaderValue("a\t\r\n\u000b\fb")).isEqualTo("a b");
        assertThat(SigV4.canonicalHeaderValue("a \"b  c\"")).isEqualTo("a \"b c\"");
        assertThat(SigV4.canonicalHeaderValue(" \t ")).isEmpty();
        String clean = "application/json";
        assertThat(SigV4.canonicalHeaderValue(clean)).isSameAs(clean);
        assertThat(SigV4.canonicalHeaderValue("a\u00a0b")).as("no-break space is not SigV4 whitespace").isEqualTo("a\u00a0b");
    }

    @Test
    void scopeAndSha256() {
        assertThat(SigV4.scope("20130524", "us-east-1")).isEqualTo("20130524/us-east-1/s3/aws4_request");
        assertThat(SigV4.sha256Hex("")).isEqualTo(SigV4.EMPTY_SHA256);
    }
}
