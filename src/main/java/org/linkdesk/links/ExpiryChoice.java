package org.linkdesk.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.linkdesk.core.sign.Durations;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.PresignRequest;

/** Turns the expiry inputs (a preset, a typed duration, or a date and time) into a requested lifetime. */
public final class ExpiryChoice {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private ExpiryChoice() {
    }

    /**
     * @throws InvalidInputException with a message fit to show when the inputs don't give a lifetime of 1 s to 7 days
     */
    public static Duration lifetime(ExpiryPreset preset, String customDuration, LocalDate untilDate, String untilTime,
                                    Clock clock, ZoneId zone) {
        if (preset == null) {
            throw new InvalidInputException("Choose when the link expires.");
        }
        Duration d = switch (preset) {
            case CUSTOM -> Durations.parse(customDuration);
            case UNTIL -> untilLifetime(untilDate, untilTime, clock, zone);
            default -> preset.duration();
        };
        return PresignRequest.requireValidExpiry(d);
    }

    private static Duration untilLifetime(LocalDate date, String time, Clock clock, ZoneId zone) {
        if (date == null) {
            throw new InvalidInputException("Pick the date the link expires.");
        }
        LocalTime t;
        try {
            t = time == null || time.isBlank() ? LocalTime.MIDNIGHT : LocalTime.parse(time.strip(), TIME);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("Write the time as hours:minutes, like 17:30.");
        }
        Instant target = LocalDateTime.of(date, t).atZone(zone).toInstant();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (!target.isAfter(now)) {
            throw new InvalidInputException("That date and time has already passed.");
        }
        Duration d = Duration.between(now, target);
        if (d.compareTo(PresignRequest.MAX_EXPIRY) > 0) {
            throw new InvalidInputException("A link can live at most 7 days; pick a time before "
                    + DateTimeFormatter.ofPattern("EEE d MMM HH:mm").format(now.plus(PresignRequest.MAX_EXPIRY).atZone(zone)) + ".");
        }
        return d;
    }
}
