package dev.migrate.engine.diff;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schemas of three seed-like applications, generated from an empty database and diffed back to
 * it: the upgrade reaches the schema, the downgrade leaves an empty database.
 */
class SeedSchemasRoundTripTest {
    private static RoundTrip roundTrip;

    @BeforeAll
    static void databases() {
        roundTrip = RoundTrip.open();
    }

    @AfterAll
    static void drop() {
        roundTrip.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"reports-app.sql", "flashcards.sql", "analyses.sql"})
    void fromEmptyAndBack(String file) {
        String sql = resource("/catalog-corpus/" + file);
        if (file.equals("reports-app.sql")) {
            sql = "CREATE EXTENSION IF NOT EXISTS pgcrypto;\n" + sql;
        }
        SchemaDiff diff = roundTrip.check("", sql);
        assertTrue(diff.upgradeStatements().size() > 10, diff.upgradeSql());
        assertTrue(diff.warnings().stream().allMatch(w -> w.startsWith("downgrade: data loss")), diff.warnings()
                .toString());
        assertTrue(diff.downgradeSql().contains("-- WARNING: data loss\nDROP TABLE"), diff.downgradeSql());
        SchemaDiff back = SchemaDiffer.compare(RoundTrip.read(roundTrip.desiredDatabase()), RoundTrip.read(roundTrip.desiredDatabase()), DiffOptions.defaults());
        assertTrue(back.isEmpty());
    }

    static String resource(String path) {
        try (InputStream in = SeedSchemasRoundTripTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
