package org.linkdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FormatsTest {
    @Test
    void sizesInBinaryUnits() {
        assertThat(Formats.size(0)).isEqualTo("0 B");
        assertThat(Formats.size(1023)).isEqualTo("1023 B");
        assertThat(Formats.size(1536)).isEqualTo("1.5 KB");
        assertThat(Formats.size(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GB");
    }

    @Test
    void relativeTimes() {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        assertThat(Formats.relative(now.plusSeconds(40), now)).isEqualTo("in 40 s");
        assertThat(Formats.relative(now.plus(Duration.ofMinutes(185)), now)).isEqualTo("in 3 h 5 min");
        assertThat(Formats.relative(now.minus(Duration.ofDays(2)), now)).isEqualTo("2 days ago");
        assertThat(Formats.relative(now.plus(Duration.ofDays(7)), now)).isEqualTo("in 7 days");
        assertThat(Formats.relative(now.plus(Duration.ofDays(7)).minusSeconds(5), now)).isEqualTo("in 7 days");
    }

    @Test
    void dateTimes() {
        Instant t = Instant.parse("2026-11-28T16:40:00Z");
        assertThat(Formats.dateTime(t, ZoneId.of("Europe/Paris"))).isEqualTo("Sat 28 Nov 2026, 17:40");
        assertThat(Formats.shortDateTime(t, ZoneId.of("UTC"))).isEqualTo("2026-11-28 16:40");
    }
}
