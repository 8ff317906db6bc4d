package org.linkdesk.core.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UriEncoderTest {

    @Test
    void keepsTheUnreservedCharactersAndReturnsTheSameStringWhenNothingNeedsEncoding() {
        String unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
        assertThat(UriEncoder.encode(unreserved)).isSameAs(unreserved);
        assertThat(UriEncoder.encodePath(unreserved)).isSameAs(unreserved);
    }

    @Test
    void encodesEveryReservedAsciiCharacterWithUpperCaseHex() {
        String[][] cases = {{" ", "%20"}, {"!", "%21"}, {"\"", "%22"}, {"#", "%23"}, {"$", "%24"}, {"%", "%25"},
            {"&", "%26"}, {"'", "%27"}, {"(", "%28"}, {")", "%29"}, {"*", "%2A"}, {"+", "%2B"}, {",", "%2C"},
            {":", "%3A"}, {";", "%3B"}, {"<", "%3C"}, {"=", "%3D"}, {">", "%3E"}, {"?", "%3F"}, {"@", "%40"},
            {"[", "%5B"}, {"\\", "%5C"}, {"]", "%5D"}, {"^", "%5E"}, {"`", "%60"}, {"{", "%7B"}, {"|", "%7C"},
            {"}", "%7D"}};
        for (String[] c : cases) {
            assertThat(UriEncoder.encode(c[0])).as(c[0]).isEqualTo(c[1]);
            assertThat(UriEncoder.encodePath(c[0])).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void encodesControlCharacters() {
        assertThat(UriEncoder.encode("a\tb\nc\u007f")).isEqualTo("a%09b%0Ac%7F");
    }

    @Test
    void encodesUnicodeAsUtf8Bytes() {
        assertThat(UriEncoder.encode("é")).isEqualTo("%C3%A9");
        assertThat(UriEncoder.encode("写真")).isEqualTo("%E5%86%99%E7%9C%9F");
        assertThat(UriEncoder.encode("Д")).isEqualTo("%D0%94");
        assertThat(UriEncoder.encode("😀")).isEqualTo("%F0%9F%98%80");
        assertThat(UriEncoder.encode("ab😀cd")).isEqualTo("ab%F0%9F%98%80cd");
    }

    @Test
    void encodesABrokenSurrogateAsAQuestionMarkLikeJavaAndTheSdk() {
        assertThat(UriEncoder.encode("a\uD83Db")).isEqualTo("a%3Fb");
        assertThat(UriEncoder.encode("\uDE00")).isEqualTo("%3F");
        assertThat(UriEncoder.encode("x\uD83D")).isEqualTo("x%3F");
    }

    @Test
    void keepsSlashesOnlyInPaths() {
        assertThat(UriEncoder.encodePath("/a//b c/")).isEqualTo("/a//b%20c/");
        assertThat(UriEncoder.encode("/a//b c/")).isEqualTo("%2Fa%2F%2Fb%20c%2F");
    }

    @Test
    void doesNotDecodeWhatLooksEncodedAlready() {
        assertThat(UriEncoder.encodePath("a%2Fb%20c")).isEqualTo("a%252Fb%2520c");
    }

    @Test
    void agreesWithUrlEncoderAdjustedToRfc3986OnRandomText() {
        SplittableRandom r = new SplittableRandom(42);
        String alphabet = " !\"#$%&'()*+,-./0123456789:;<=>?@AZaz[\\]^_`{|}~\téüñ写真Д😀🎉";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = r.nextInt(30);
            while (sb.length() < length) {
                int at = r.nextInt(alphabet.length());
                sb.append(Character.isHighSurrogate(alphabet.charAt(at)) ? alphabet.substring(at, at + 2)
                        : Character.isLowSurrogate(alphabet.charAt(at)) ? "x" : String.valueOf(alphabet.charAt(at)));
            }
            String text = sb.toString();
            String expected = URLEncoder.encode(text, StandardCharsets.UTF_8)
                    .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
            assertThat(UriEncoder.encode(text)).as(text).isEqualTo(expected);
            assertThat(UriEncoder.encodePath(text)).as(text).isEqualTo(expected.replace("%2F", "/"));
        }
    }
}
