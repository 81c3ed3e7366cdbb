package dev.migrate.engine.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL time settings such as {@code lock_timeout}: {@code 500ms}, {@code 5s}, {@code 2min},
 * {@code 1h}, {@code 1d}, a bare number of milliseconds, or ISO-8601 ({@code PT5S}).
 */
public final class PgDuration {
    private static final Pattern VALUE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|min|h|d)?");

    private PgDuration() {
    }

    /** The duration, or empty when the text is not one of the accepted forms or is negative. */
    public static Optional<Duration> parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("p")) {
            try {
                Duration d = Duration.parse(value.toUpperCase(Locale.ROOT));
                return d.isNegative() ? Optional.empty() : Optional.of(d);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher m = VALUE.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        long nanosPerUnit = switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "min" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
        };
        BigDecimal nanos = amount.multiply(BigDecimal.valueOf(nanosPerUnit));
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(nanos.longValue()));
    }

    /** The shortest exact PostgreSQL form, in whole milliseconds at least: {@code 5s}, {@code 1500ms}, {@code 2min}. */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms == 0) {
            return duration.isZero() ? "0" : "1ms";
        }
        if (ms % 86_400_000L == 0) {
            return ms / 86_400_000L + "d";
        }
        if (ms % 3_600_000L == 0) {
            return ms / 3_600_000L + "h";
        }
        if (ms % 60_000L == 0) {
            return ms / 60_000L + "min";
        }
        if (ms % 1_000L == 0) {
            return ms / 1_000L + "s";
        }
        return ms + "ms";
    }
}
