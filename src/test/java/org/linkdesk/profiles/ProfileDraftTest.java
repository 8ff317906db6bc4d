package org.linkdesk.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfileDraftTest {
    private static ProfileDraft draft(String name, String id, String secret, String region, String endpoint) {
        return new ProfileDraft(name, id, secret, null, false, region, endpoint, false);
    }

    @Test
    void aCompleteDraftHasNoProblems() {
        assertThat(draft("work", "AKIAEXAMPLE", "secret", "eu-west-1", null).problems(true)).isEmpty();
        assertThat(draft("  Ünïcode 工作 ✓ ", " AKIA ", " s ", " us-east-1 ", " http://127.0.0.1:9000 ")
                .problems(true)).isEmpty();
        assertThat(draft("n".repeat(64), "AKIA", "s", "auto", "https://s3.example.com/base/").problems(true)).isEmpty();
    }

    @Test
    void everyMissingFieldIsNamed() {
        assertThat(draft(" ", null, "", "", null).problems(true)).containsExactly(
                "Enter a name for the profile.",
                "Enter the access key id.",
                "Enter the secret access key.",
                "Enter a region such as us-east-1.");
    }

    @Test
    void theSecretIsOptionalWhenUpdating() {
        assertThat(draft("work", "AKIA", null, "eu-west-1", null).problems(false)).isEmpty();
        assertThat(draft("work", "AKIA", "  ", "eu-west-1", null).problems(false)).isEmpty();
        assertThat(draft("work", "AKIA", null, "eu-west-1", null).problems(true))
                .containsExactly("Enter the secret access key.");
    }

    @Test
    void badValuesGetPlainSentences() {
        assertThat(draft("n".repeat(65), "AKIA EXAMPLE", "s", "EU West", "ftp://host").problems(true)).containsExactly(
                "The profile name is too long; use at most 64 characters.",
                "The access key id must not contain spaces.",
                "'EU West' is not a region name (lower-case letters, digits and '-', like eu-west-1).",
                "The endpoint URL must start with http:// or https:// (got ftp://host).");
        assertThat(draft("a\tb", "AKIA", "line\nbreak", "eu-west-1", "http://h?x=1").problems(true)).containsExactly(
                "The profile name must not contain tabs, line breaks or other control characters.",
                "The secret access key must not contain line breaks or other control characters.",
                "The endpoint URL must not have a query, fragment or user name: http://h?x=1");
        assertThat(new ProfileDraft("w", "AKIA", "s", "tok en", false, "eu-west-1", null, false).problems(true))
                .containsExactly("The session token must not contain spaces or line breaks.");
        assertThat(draft("w", "A".repeat(129), "s", "eu-west-1", "https://h/" + "p".repeat(2040)).problems(true))
                .containsExactly("The access key id is too long; access key ids have at most 128 characters.",
                        "The endpoint URL is too long; use at most 2048 characters.");
        assertThat(draft("w", "AKIA", "s", "eu-west-1", "not a url").problems(true))
                .containsExactly("The endpoint URL is not a valid URL: not a url");
    }

    @Test
    void nameLengthCountsCharactersNotUtf16Units() {
        assertThat(draft("😀".repeat(64), "AKIA", "s", "eu-west-1", null).problems(true)).isEmpty();
        assertThat(draft("😀".repeat(65), "AKIA", "s", "eu-west-1", null).problems(true)).hasSize(1);
    }

    @Test
    void toStringLeavesOutTheSecrets() {
        String text = new ProfileDraft("w", "AKIA", "SECRETVALUE", "TOKENVALUE", false, "eu-west-1", null, false)
                .toString();
        assertThat(text).doesNotContain("SECRETVALUE").doesNotContain("TOKENVALUE").contains("AKIA");
    }
}
