package org.linkdesk.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayNameTest {
    @Test
    void theEnvironmentWinsThenTheSettingThenTheSystemUser() {
        assertThat(DisplayName.resolve(Map.of(DisplayName.VARIABLE, " Zoë Ö ", "USER", "zoe"), () -> "stored"))
                .isEqualTo("Zoë Ö");
        assertThat(DisplayName.resolve(Map.of(DisplayName.VARIABLE, "  ", "USER", "zoe"), () -> "stored"))
                .isEqualTo("stored");
        assertThat(DisplayName.resolve(Map.of("USER", "zoe"), () -> null)).isEqualTo("zoe");
        assertThat(DisplayName.resolve(Map.of("USERNAME", "ZOE"), () -> "")).isEqualTo("ZOE");
        assertThat(DisplayName.resolve(Map.of(), () -> null)).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void controlCharactersGoAndLongNamesAreCutWithoutSplittingACharacter() {
        assertThat(DisplayName.clean("ali\nce\t\u0000")).isEqualTo("alice");
        assertThat(DisplayName.clean("\n\t")).isNull();
        String emoji = "a".repeat(DisplayName.MAX_LENGTH - 1) + "😀";
        assertThat(DisplayName.clean(emoji)).isEqualTo("a".repeat(DisplayName.MAX_LENGTH - 1));
        assertThat(DisplayName.clean("b".repeat(400))).hasSize(DisplayName.MAX_LENGTH);
    }
}
