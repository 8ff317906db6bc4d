package org.linkdesk.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linkdesk.core.sign.InvalidInputException;

class ExpiryRulesTest {
    @Test
    void theFirstMatchingRuleWinsElseTheFallback() {
        ExpiryRules rules = new ExpiryRules(List.of(ExpiryRule.parse(".pdf=48h"), ExpiryRule.parse("images=7d"),
                ExpiryRule.parse("DOCUMENT=3d")), Duration.ofHours(24));

        assertThat(rules.expiryFor("a/b/Report.PDF")).isEqualTo(Duration.ofHours(48));
        assertThat(rules.expiryFor("photo.final.jpeg")).isEqualTo(Duration.ofDays(7));
        assertThat(rules.expiryFor("sheet.xlsx")).isEqualTo(Duration.ofDays(3));
        assertThat(rules.expiryFor("notes.txt")).isEqualTo(Duration.ofHours(24));
        assertThat(rules.expiryFor("no-extension")).isEqualTo(Duration.ofHours(24));
        assertThat(rules.expiryFor("dir.pdf/file")).isEqualTo(Duration.ofHours(24));
        assertThat(rules.expiryFor(".pdf")).isEqualTo(Duration.ofHours(24));
        assertThat(ExpiryRule.parse("zip=2h").match()).isEqualTo(".zip");
    }

    @Test
    void badRulesSayWhatIsWrong() {
        assertThatThrownBy(() -> ExpiryRule.parse("pdf")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("MATCH=DURATION");
        assertThatThrownBy(() -> ExpiryRule.parse(".pdf=8d")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ExpiryRule.parse("pictures of cats=1h")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("kind of file");
    }

    @Test
    void downloadNamesAreTheLastSegment() {
        assertThat(DownloadNames.fileName("a/b/c.pdf")).isEqualTo("c.pdf");
        assertThat(DownloadNames.fileName("c.pdf")).isEqualTo("c.pdf");
        assertThat(DownloadNames.fileName("a/folder/")).isEqualTo("folder");
        assertThat(DownloadNames.fileName("/")).isEqualTo("/");
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() throws Exception {
        assertThat(BatchExport.csv("plain")).isEqualTo("plain");
        assertThat(BatchExport.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(BatchExport.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(BatchExport.csv("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(BatchExport.csv(null)).isEmpty();
        StringWriter out = new StringWriter();
        BatchExport.writeCsv(out, List.of());
        assertThat(out).hasToString(BatchExport.CSV_HEADER + "\r\n");
    }
}
