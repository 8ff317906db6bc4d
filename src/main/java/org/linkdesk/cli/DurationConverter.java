package org.linkdesk.cli;

import java.time.Duration;
import org.linkdesk.core.sign.Durations;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.PresignRequest;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --expires}: {@code 90s}, {@code 15m}, {@code 1h}, {@code 1h30m}, {@code 7d}; 1 second to 7 days. */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return PresignRequest.requireValidExpiry(Durations.parse(value));
        } catch (InvalidInputException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
