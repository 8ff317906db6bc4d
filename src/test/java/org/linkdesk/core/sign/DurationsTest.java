package org.linkdesk.core.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"90s, 90", "15m, 900", "1h, 3600", "7d, 604800", "1h30m, 5400", "1d12h, 129600",
        "1d2h3m4s, 93784", "0s, 0", "' 2H ', 7200", "'1h 30m', 5400", "120m, 7200"})
    void parsesHowPeopleWriteDurations(String text, long seconds) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "10", "h", "1x", "1.5h", "-5m", "1h-", "h1", "9999999999s", "1 h x"})
    void rejectsWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("'" + text.strip() + "' is not a duration; write it like 90s, 15m, 1h30m or 7d.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30m1h", "1h1h", "1s1d", "5m5m"})
    void rejectsRepeatedOrMisorderedUnits(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("repeats or misorders its units");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void asksForADurationWhenThereIsNone(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Enter a duration such as 15m, 1h, 1h30m or 7d.");
    }

    @Test
    void formatsLeavingOutZeroParts() {
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m 30s");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h 30m");
        assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(Durations.format(Duration.ofSeconds(90_061))).isEqualTo("1d 1h 1m 1s");
        assertThat(Durations.format(Duration.ofMinutes(-1))).isEqualTo("-1m");
    }

    @Test
    void parsesWhatItFormats() {
        for (long seconds : new long[] {1, 59, 60, 61, 3_599, 3_600, 86_399, 86_400, 93_784, 604_800}) {
            Duration d = Duration.ofSeconds(seconds);
            assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
        }
    }
}
