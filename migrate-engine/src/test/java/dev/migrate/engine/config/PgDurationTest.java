package dev.migrate.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PgDurationTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "0, 0, 0",
            "1500, 1500, 1500ms",
            "500ms, 500, 500ms",
            "5s, 5000, 5s",
            "5 s, 5000, 5s",
            "1.5s, 1500, 1500ms",
            "2min, 120000, 2min",
            "1h, 3600000, 1h",
            "1d, 86400000, 1d",
            "90min, 5400000, 90min",
            "PT5S, 5000, 5s",
            "pt1m, 60000, 1min",
            "2000us, 2, 2ms",
    })
    void parseAndFormat(String text, long millis, String formatted) {
        Optional<Duration> parsed = PgDuration.parse(text);
        assertEquals(Optional.of(Duration.ofMillis(millis)), parsed);
        assertEquals(formatted, PgDuration.format(parsed.orElseThrow()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5 secs", "-1s", "s", "PT-5S", "1e3", "99999999999999999999d"})
    void rejects(String text) {
        assertEquals(Optional.empty(), PgDuration.parse(text));
    }

    @org.junit.jupiter.api.Test
    void subMillisecondRoundsUp() {
        assertEquals("1ms", PgDuration.format(Duration.ofNanos(10)));
    }
}
