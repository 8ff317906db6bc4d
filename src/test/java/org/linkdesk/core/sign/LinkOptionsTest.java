package org.linkdesk.core.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinkOptionsTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void dispositionWithoutAFileNameIsJustTheType() {
        assertThat(LinkOptions.contentDisposition(false, null)).isEqualTo("attachment");
        assertThat(LinkOptions.contentDisposition(true, null)).isEqualTo("inline");
    }

    @Test
    void plainAsciiNamesAreQuoted() {
        assertThat(LinkOptions.contentDisposition(false, "report 2024.pdf"))
                .isEqualTo("attachment; filename=\"report 2024.pdf\"");
        assertThat(LinkOptions.contentDisposition(true, "a;b,c=d.txt")).isEqualTo("inline; filename=\"a;b,c=d.txt\"");
    }

    @Test
    void nonAsciiNamesGetAnAsciiFallbackAndTheExactUtf8Name() {
        assertThat(LinkOptions.contentDisposition(false, "Résumé 2024.pdf"))
                .isEqualTo("attachment; filename=\"R_sum_ 2024.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9%202024.pdf");
        assertThat(LinkOptions.contentDisposition(false, "写真.jpg"))
                .isEqualTo("attachment; filename=\"__.jpg\"; filename*=UTF-8''%E5%86%99%E7%9C%9F.jpg");
        assertThat(LinkOptions.contentDisposition(true, "файл.txt"))
                .isEqualTo("inline; filename=\"____.txt\"; filename*=UTF-8''%D1%84%D0%B0%D0%B9%D0%BB.txt");
    }

    @Test
    void anEmojiBecomesOneFallbackCharacter() {
        assertThat(LinkOptions.contentDisposition(false, "party 🎉.png"))
                .isEqualTo("attachment; filename=\"party _.png\"; filename*=UTF-8''party%20%F0%9F%8E%89.png");
    }

    @Test
    void quotesBackslashesAndControlCharactersCannotBreakTheHeader() {
        assertThat(LinkOptions.contentDisposition(false, "say \"hi\".txt"))
                .isEqualTo("attachment; filename=\"say _hi_.txt\"");
        assertThat(LinkOptions.contentDisposition(false, "a\\b.txt"))
                .isEqualTo("attachment; filename=\"a_b.txt\"");
        assertThat(LinkOptions.contentDisposition(false, "x\r\ny.txt"))
                .isEqualTo("attachment; filename=\"xy.txt\"");
        assertThat(LinkOptions.contentDisposition(false, "../../etc/passwd"))
                .isEqualTo("attachment; filename=\"_.._etc_passwd\"");
    }

    @Test
    void getOverridesAreQueryParametersInTheSdkOrder() {
        LinkOptions o = new LinkOptions(HttpMethod.GET, HOUR, "a.pdf", false, "application/pdf", "no-cache", "ignored");
        PresignRequest r = o.toRequest("bucket", "key", HOUR);
        assertThat(r.queryParameters()).containsExactly(
                entry("response-cache-control", "no-cache"),
                entry("response-content-disposition", "attachment; filename=\"a.pdf\""),
                entry("response-content-type", "application/pdf"));
        assertThat(r.headers()).isEmpty();
        assertThat(r.method()).isEqualTo(HttpMethod.GET);
        assertThat(r.expiresIn()).isEqualTo(HOUR);
    }

    @Test
    void inlineWithoutANameStillSetsTheDisposition() {
        PresignRequest r = new LinkOptions(HttpMethod.GET, HOUR, null, true, null, null, null).toRequest("bucket", "k", HOUR);
        assertThat(r.queryParameters()).containsExactly(entry("response-content-disposition", "inline"));
    }

    @Test
    void putSignsTheContentTypeAndIgnoresResponseOverrides() {
        LinkOptions o = new LinkOptions(HttpMethod.PUT, HOUR, "a.pdf", true, "image/png", "no-cache", "text/plain; charset=utf-8");
        PresignRequest r = o.toRequest("bucket", "key", HOUR);
        assertThat(r.queryParameters()).isEmpty();
        assertThat(r.headers()).containsExactly(entry("Content-Type", "text/plain; charset=utf-8"));
    }

    @Test
    void headAndDeleteCarryNoOverrides() {
        for (HttpMethod m : new HttpMethod[] {HttpMethod.HEAD, HttpMethod.DELETE}) {
            PresignRequest r = new LinkOptions(m, HOUR, "a.pdf", true, "image/png", "no-cache", "text/plain").toRequest("b-1", "k", HOUR);
            assertThat(r.queryParameters()).isEmpty();
            assertThat(r.headers()).isEmpty();
        }
    }

    @Test
    void blankValuesCountAsAbsentAndOthersAreStripped() {
        LinkOptions o = new LinkOptions(null, HOUR, "  ", false, " text/html ", "", "\t");
        assertThat(o.method()).isEqualTo(HttpMethod.GET);
        assertThat(o.downloadName()).isNull();
        assertThat(o.responseContentType()).isEqualTo("text/html");
        assertThat(o.cacheControl()).isNull();
        assertThat(o.contentType()).isNull();
        assertThat(o.toRequest("bucket", "k", HOUR).queryParameters()).containsExactly(entry("response-content-type", "text/html"));
    }

    @Test
    void withExpiresInKeepsEverythingElse() {
        LinkOptions o = new LinkOptions(HttpMethod.GET, HOUR, "a.pdf", true, "image/png", "no-cache", null);
        assertThat(o.withExpiresIn(Duration.ofDays(2))).isEqualTo(
                new LinkOptions(HttpMethod.GET, Duration.ofDays(2), "a.pdf", true, "image/png", "no-cache", null));
    }

    private static java.util.Map.Entry<String, String> entry(String k, String v) {
        return java.util.Map.entry(k, v);
    }
}
