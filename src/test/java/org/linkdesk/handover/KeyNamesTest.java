package org.linkdesk.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.handover.KeyWarning.Kind;

/** Key warnings, upload keys from file names, and the escaping of the Markdown, HTML and PowerShell forms. */
class KeyNamesTest {
    private final KeyNames names = new KeyNames();

    private java.util.List<Kind> kinds(String key) {
        return names.warnings(key).stream().map(KeyWarning::kind).toList();
    }

    @Test
    void ordinaryKeysHaveNoWarnings() {
        assertThat(names.warnings("reports/2025/Q1 résumé (final).pdf")).isEmpty();
        assertThat(names.warnings("写真/2025/夏.jpg")).isEmpty();
    }

    @Test
    void oddKeysAreNamedAndDotDotIsRefused() {
        assertThat(kinds("../etc/passwd")).containsExactly(Kind.DOT_DOT_SEGMENT);
        assertThat(names.refuses(names.warnings("../etc/passwd"))).isTrue();
        assertThat(kinds("a/./b")).containsExactly(Kind.DOT_SEGMENT);
        assertThat(kinds("a//b")).containsExactly(Kind.DOUBLE_SLASH);
        assertThat(kinds("/a")).containsExactly(Kind.LEADING_SLASH);
        assertThat(kinds(" a.txt ")).containsExactly(Kind.EDGE_SPACE);
        assertThat(kinds("dir /a.txt")).containsExactly(Kind.EDGE_SPACE);
        assertThat(kinds("a\u200Bb")).containsExactly(Kind.INVISIBLE);
        assertThat(kinds("a\u00A0b")).containsExactly(Kind.ODD_SPACE);
        assertThat(kinds("invoice\u202Efdp.exe")).containsExactly(Kind.BIDI_CONTROL);
        assertThat(kinds("a\tb")).containsExactly(Kind.CONTROL);
        assertThat(kinds("p\u0430ypal.pdf")).containsExactly(Kind.LOOK_ALIKE);
        assertThat(kinds("cafe\u0301.txt")).containsExactly(Kind.NOT_NFC);
        assertThat(kinds("x".repeat(1025))).containsExactly(Kind.TOO_LONG);
        assertThat(names.refuses(names.warnings("x".repeat(1025)))).isTrue();
        assertThat(names.refuses(names.warnings("a//b"))).isFalse();
    }

    @Test
    void uploadKeysComeFromSafeFileNames() {
        assertThat(names.keyForUpload("uploads/2025", "C:\\Users\\ana\\Q1 report.pdf")).isEqualTo("uploads/2025/Q1 report.pdf");
        assertThat(names.keyForUpload("/in/", "/home/ana/../secret.txt")).isEqualTo("in/secret.txt");
        assertThat(names.keyForUpload("", "..")).isEqualTo("download");
        assertThat(names.keyForUpload(null, "a\u200B\u202Eb:c?.txt ")).isEqualTo("ab_c_.txt");
        assertThat(names.keyForUpload("", "cafe\u0301  menu.PDF")).isEqualTo("caf\u00e9 menu.PDF");
        assertThat(names.keyForUpload("", "con.txt")).isEqualTo("_con.txt");
        String longKey = names.keyForUpload("p/".repeat(400), "é".repeat(200) + ".jpeg");
        assertThat(longKey.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(KeyNames.MAX_KEY_BYTES);
        assertThat(longKey).startsWith("p/".repeat(400)).endsWith(".jpeg");
        assertThat(names.warnings(longKey)).isEmpty();
    }

    @Test
    void markdownHtmlAndPowerShellAreEscaped() {
        // The file name is made safe first ('<' and '>' become '_'), then escaped for each format.
        LinkFormatter f = new LinkFormatter();
        HandoverLink link = new HandoverLink("https://h/k?a=1&b=2", HttpMethod.GET, Map.of(), "[x](y) <b>&'q'.txt",
                Instant.EPOCH);
        assertThat(f.format(LinkFormat.MARKDOWN, link)).isEqualTo("[\\[x\\]\\(y\\) \\_b\\_\\&\\'q\\'\\.txt](https://h/k?a=1&b=2)");
        assertThat(f.format(LinkFormat.HTML, link))
                .isEqualTo("<a href=\"https://h/k?a=1&amp;b=2\">[x](y) _b_&amp;&#39;q&#39;.txt</a>");
        assertThat(ShellQuoting.powerShell("it's \u2019ok\u2019 $x")).isEqualTo("'it''s \u2019\u2019ok\u2019\u2019 $x'");
        assertThat(ShellQuoting.posix("it's $x `y` !")).isEqualTo("'it'\\''s $x `y` !'");
        HandoverLink put = new HandoverLink("https://h/k?s=1", HttpMethod.PUT, Map.of("Content-Type", "text/plain"),
                "a.txt", null);
        assertThat(f.format(LinkFormat.CURL, put))
                .isEqualTo("curl --fail -X PUT -H 'Content-Type: text/plain' --upload-file a.txt 'https://h/k?s=1'");
        assertThat(f.format(LinkFormat.POWERSHELL, put)).isEqualTo("Invoke-WebRequest -UseBasicParsing -Method Put "
                + "-Uri 'https://h/k?s=1' -ContentType 'text/plain' -InFile 'a.txt'");
    }
}
