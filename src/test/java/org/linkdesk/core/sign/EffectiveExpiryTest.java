package org.linkdesk.core.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EffectiveExpiryTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void keepsTheRequestedLifetimeWhenNothingLimitsIt() {
        EffectiveExpiry e = EffectiveExpiry.compute(NOW, Duration.ofHours(1), NOW.plus(Duration.ofHours(2)), Duration.ofDays(1));
        assertThat(e.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(e.lifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(e.limitedBy()).isEqualTo(EffectiveExpiry.Limit.REQUESTED);
        assertThat(e.isShorterThanRequested()).isFalse();
    }

    @Test
    void capsAtSevenDays() {
        EffectiveExpiry e = EffectiveExpiry.compute(NOW, Duration.ofDays(30), null, null);
        assertThat(e.lifetime()).isEqualTo(Duration.ofDays(7));
        assertThat(e.limitedBy()).isEqualTo(EffectiveExpiry.Limit.SIGV4_MAX);
        assertThat(e.isShorterThanRequested()).isTrue();
        assertThat(e.limitedBy().explanation()).isEqualTo("SigV4 links live at most 7 days");
    }

    @Test
    void exactlySevenDaysIsAsRequested() {
        assertThat(EffectiveExpiry.compute(NOW, Duration.ofDays(7), null, null).limitedBy())
                .isEqualTo(EffectiveExpiry.Limit.REQUESTED);
    }

    @Test
    void capsAtTheProviderLimit() {
        EffectiveExpiry e = EffectiveExpiry.compute(NOW, Duration.ofDays(2), null, Duration.ofHours(12));
        assertThat(e.lifetime()).isEqualTo(Duration.ofHours(12));
        assertThat(e.limitedBy()).isEqualTo(EffectiveExpiry.Limit.PROVIDER);
    }

    @Test
    void endsWhenTheCredentialsExpire() {
        Instant credentialsEnd = NOW.plus(Duration.ofMinutes(20));
        EffectiveExpiry e = EffectiveExpiry.compute(NOW, Duration.ofHours(1), credentialsEnd, null);
        assertThat(e.expiresAt()).isEqualTo(credentialsEnd);
        assertThat(e.lifetime()).isEqualTo(Duration.ofMinutes(20));
        assertThat(e.limitedBy()).isEqualTo(EffectiveExpiry.Limit.CREDENTIALS);
    }

    @Test
    void theEarliestLimitWins() {
        assertThat(EffectiveExpiry.compute(NOW, Duration.ofDays(30), NOW.plus(Duration.ofHours(3)), Duration.ofHours(6)).limitedBy())
                .isEqualTo(EffectiveExpiry.Limit.CREDENTIALS);
        assertThat(EffectiveExpiry.compute(NOW, Duration.ofDays(30), NOW.plus(Duration.ofHours(9)), Duration.ofHours(6)).limitedBy())
                .isEqualTo(EffectiveExpiry.Limit.PROVIDER);
        assertThat(EffectiveExpiry.compute(NOW, Duration.ofDays(30), NOW.plus(Duration.ofDays(8)), Duration.ofDays(10)).limitedBy())
                .isEqualTo(EffectiveExpiry.Limit.SIGV4_MAX);
    }

    @Test
    void aLimitEqualToTheRequestDoesNotCountAsShortening() {
        EffectiveExpiry e = EffectiveExpiry.compute(NOW, Duration.ofHours(1), NOW.plus(Duration.ofHours(1)), Duration.ofHours(1));
        assertThat(e.limitedBy()).isEqualTo(EffectiveExpiry.Limit.REQUESTED);
    }
}
