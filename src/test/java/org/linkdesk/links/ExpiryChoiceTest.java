package org.linkdesk.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.linkdesk.core.sign.InvalidInputException;

class ExpiryChoiceTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    private static Duration lifetime(ExpiryPreset preset, String custom, LocalDate date, String time) {
        return ExpiryChoice.lifetime(preset, custom, date, time, CLOCK, PARIS);
    }

    @Test
    void presetsGiveTheirDuration() {
        assertThat(lifetime(ExpiryPreset.MINUTES_15, null, null, null)).isEqualTo(Duration.ofMinutes(15));
        assertThat(lifetime(ExpiryPreset.HOUR_1, null, null, null)).isEqualTo(Duration.ofHours(1));
        assertThat(lifetime(ExpiryPreset.DAY_1, null, null, null)).isEqualTo(Duration.ofDays(1));
        assertThat(lifetime(ExpiryPreset.DAYS_7, null, null, null)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void customDurationIsParsedAndBounded() {
        assertThat(lifetime(ExpiryPreset.CUSTOM, "1h30m", null, null)).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> lifetime(ExpiryPreset.CUSTOM, "8d", null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("7 days");
        assertThatThrownBy(() -> lifetime(ExpiryPreset.CUSTOM, "0s", null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 second");
        assertThatThrownBy(() -> lifetime(ExpiryPreset.CUSTOM, "soon", null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a duration");
    }

    @Test
    void untilADateAndTimeInTheUsersZone() {
        // 10:00Z is 11:00 in Paris; 17:30 Paris the same day is 6.5 h later.
        assertThat(lifetime(ExpiryPreset.UNTIL, null, LocalDate.of(2026, 11, 28), "17:30"))
                .isEqualTo(Duration.ofMinutes(390));
        assertThatThrownBy(() -> lifetime(ExpiryPreset.UNTIL, null, LocalDate.of(2026, 11, 28), "10:59"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already passed");
        assertThatThrownBy(() -> lifetime(ExpiryPreset.UNTIL, null, LocalDate.of(2026, 12, 6), "12:00"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 7 days");
        assertThatThrownBy(() -> lifetime(ExpiryPreset.UNTIL, null, LocalDate.of(2026, 11, 29), "5pm"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("17:30");
        assertThatThrownBy(() -> lifetime(ExpiryPreset.UNTIL, null, null, "12:00"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("date");
    }
}
