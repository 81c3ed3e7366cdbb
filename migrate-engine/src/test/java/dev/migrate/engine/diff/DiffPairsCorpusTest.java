package dev.migrate.engine.diff;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every pair of the diff-pairs corpus on a real PostgreSQL: {@code from.sql} built in one database,
 * {@code to.sql} in another; the upgrade the differ renders, applied to the first, makes its
 * introspected catalog equal the second's, a second diff is empty, and the downgrade takes it back.
 */
class DiffPairsCorpusTest {
    private static RoundTrip roundTrip;

    @BeforeAll
    static void databases() {
        roundTrip = RoundTrip.open();
    }

    @AfterAll
    static void drop() {
        roundTrip.close();
    }

    @BeforeEach
    void defaultPrivileges() {
        roundTrip.beforeDatabase().execute(DiffPairs.RESET_DEFAULT_PRIVILEGES);
        roundTrip.desiredDatabase().execute(DiffPairs.RESET_DEFAULT_PRIVILEGES);
    }

    static List<DiffPairs.Pair> pairs() {
        return DiffPairs.all();
    }

    @Test
    void theCorpusCoversEveryObjectKind() {
        List<DiffPairs.Pair> pairs = pairs();
        assertTrue(pairs.size() >= 30, "at least 30 pairs, found " + pairs.size());
        String all = String.join("\n", pairs.stream().map(p -> p.from() + p.to()).toList()).toUpperCase();
        for (String kind : List.of("CREATE TABLE", "GENERATED ALWAYS AS IDENTITY", "GENERATED ALWAYS AS (",
                "COLLATE", "ON DELETE", "DEFERRABLE", "NOT VALID", "EXCLUDE USING", "USING GIN", "INCLUDE (",
                " WHERE ", "AS ENUM", "CREATE TYPE", "CREATE DOMAIN", "AS (", "CREATE SEQUENCE", "OWNED BY",
                "CREATE VIEW", "CREATE MATERIALIZED VIEW", "CREATE FUNCTION", "CREATE PROCEDURE", "CREATE TRIGGER",
                "CREATE EXTENSION", "COMMENT ON", "ROW LEVEL SECURITY", "CREATE POLICY", "GRANT", "REVOKE",
                "ALTER DEFAULT PRIVILEGES", "PARTITION BY", "PARTITION OF", "CREATE SCHEMA")) {
            assertTrue(all.contains(kind), "the corpus uses " + kind);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void upgradeReachesTheTargetAndDowngradeComesBack(DiffPairs.Pair pair) {
        SchemaDiff diff = roundTrip.check(pair.from(), pair.to());
        assertFalse(diff.upgradeStatements().isEmpty(), "the two schemas of " + pair + " differ");
        assertFalse(diff.downgradeStatements().isEmpty(), "the downgrade of " + pair);
    }
}
