package dev.migrate.engine.database;

import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.testing.Revisions;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Upgrade and downgrade of a three-revision chain: tables, version rows after each step, history, log lines. */
@ExtendWith(TestDatabaseExtension.class)
class LinearChainTest {
    static final RevisionScript A = Revisions.script("aaaa00000001", null, "create accounts",
            "CREATE TABLE accounts (id bigint PRIMARY KEY);", "DROP TABLE accounts;");
    static final RevisionScript B = Revisions.script("bbbb00000002", "aaaa00000001", "create orders",
            "CREATE TABLE orders (id bigint PRIMARY KEY);\nINSERT INTO orders VALUES (1);", "DROP TABLE orders;");
    static final RevisionScript C = Revisions.script("cccc00000003", "bbbb00000002", "add email",
            "ALTER TABLE accounts ADD COLUMN email text;", "ALTER TABLE accounts DROP COLUMN email;");
    static final List<RevisionScript> CHAIN = List.of(A, B, C);
    static final Map<String, RevisionScript> SCRIPTS = Revisions.byId(A, B, C);

    static DatabaseSettings settings(TestDatabase db) {
        return DatabaseSettings.of(db.jdbcUrl(), db.properties()).withEnvironment("test").withToolVersion("0.1.0-test");
    }

    @Test
    void upgradesToHeadWritingOneVersionRowAfterEachStep(TestDatabase db) {
        List<String> versionsSeen = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void stepCompleted(dev.migrate.engine.graph.Step step, RevisionScript script, Duration duration) {
                versionsSeen.add(String.join(",", db.query("SELECT version_num FROM migrate_version")));
                lines.add(ProgressLines.step(step, script.message(), duration));
            }
        };
        RunResult result;
        try (Migrator migrator = Migrator.connect(settings(db))) {
            result = migrator.migrate(SCRIPTS, heads -> Revisions.upgrade(CHAIN, heads, "cccc00000003"),
                    RunOptions.defaults(), listener);
        }
        assertEquals(List.of("aaaa00000001", "bbbb00000002", "cccc00000003"), versionsSeen);
        assertEquals(Set.of(), result.startHeads());
        assertEquals(Set.of("cccc00000003"), result.endHeads());
        assertEquals(3, result.steps().size());
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).matches("Running upgrade  -> aaaa00000001, create accounts \\(\\d+ ms\\)"), lines.get(0));
        assertTrue(lines.get(1).matches("Running upgrade aaaa00000001 -> bbbb00000002, create orders \\(\\d+ ms\\)"), lines.get(1));
        assertEquals(List.of("cccc00000003"), db.query("SELECT version_num FROM migrate_version"));
        assertEquals(List.of("1"), db.query("SELECT id FROM orders"));
        assertEquals(List.of("email"), db.query("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'accounts' AND column_name = 'email'"));
        assertEquals(List.of(
                        "aaaa00000001|upgrade|" + A.checksum() + "|" + db.user() + "|test|0.1.0-test|create accounts|t",
                        "bbbb00000002|upgrade|" + B.checksum() + "|" + db.user() + "|test|0.1.0-test|create orders|t",
                        "cccc00000003|upgrade|" + C.checksum() + "|" + db.user() + "|test|0.1.0-test|add email|t"),
                db.query("SELECT revision, direction, checksum, applied_by, environment, tool_version, message,"
                        + " duration_ms >= 0 AND applied_at <= now() FROM migrate_history ORDER BY id"));
    }

    @Test
    void downgradesOneStepThenToBase(TestDatabase db) {
        try (Migrator migrator = Migrator.connect(settings(db))) {
            migrator.migrate(SCRIPTS, heads -> Revisions.upgrade(CHAIN, heads, "cccc00000003"), RunOptions.defaults(),
                    MigrationListener.NONE);
            List<String> lines = new ArrayList<>();
            RunResult minusOne = migrator.migrate(SCRIPTS, heads -> Revisions.downgrade(CHAIN, heads, "bbbb00000002"),
                    RunOptions.defaults(), MigrationListener.lines(lines::add));
            assertEquals(Set.of("bbbb00000002"), minusOne.endHeads());
            assertEquals(1, lines.size());
            assertTrue(lines.get(0).matches("Running downgrade cccc00000003 -> bbbb00000002, add email \\(\\d+ ms\\)"), lines.get(0));
            assertEquals(List.of("bbbb00000002"), db.query("SELECT version_num FROM migrate_version"));
            assertEquals(List.of(), db.query("SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = 'accounts' AND column_name = 'email'"));

            RunResult toBase = migrator.migrate(SCRIPTS, heads -> Revisions.downgrade(CHAIN, heads, null),
                    RunOptions.defaults(), MigrationListener.NONE);
            assertEquals(Set.of(), toBase.endHeads());
        }
        assertEquals(List.of(), db.query("SELECT version_num FROM migrate_version"));
        assertFalse(db.tableExists("public", "accounts"));
        assertFalse(db.tableExists("public", "orders"));
        assertEquals(List.of("aaaa00000001|upgrade", "bbbb00000002|upgrade", "cccc00000003|upgrade",
                        "cccc00000003|downgrade", "bbbb00000002|downgrade", "aaaa00000001|downgrade"),
                db.query("SELECT revision, direction FROM migrate_history ORDER BY id"));
    }

    @Test
    void aSecondRunWithNothingToDoChangesNothing(TestDatabase db) {
        try (Migrator migrator = Migrator.connect(settings(db))) {
            migrator.migrate(SCRIPTS, heads -> Revisions.upgrade(CHAIN, heads, "cccc00000003"), RunOptions.defaults(),
                    MigrationListener.NONE);
        }
        List<List<String>> createdTables = new ArrayList<>();
        RunResult again;
        try (Migrator migrator = Migrator.connect(settings(db))) {
            again = migrator.migrate(SCRIPTS, heads -> Revisions.upgrade(CHAIN, heads, "cccc00000003"), RunOptions.defaults(),
                    new MigrationListener() {
                        @Override
                        public void tablesCreated(List<String> statements) {
                            createdTables.add(statements);
                        }
                    });
            assertEquals(new DatabaseState(Set.of("cccc00000003"),
                    Map.of("aaaa00000001", A.checksum(), "bbbb00000002", B.checksum(), "cccc00000003", C.checksum())),
                    migrator.readState());
            assertEquals(Set.of("cccc00000003"), migrator.readHeads());
        }
        assertTrue(again.nothingToDo());
        assertEquals(List.of(), createdTables);
        assertEquals(List.of("3"), db.query("SELECT count(*) FROM migrate_history"));
    }

    @Test
    void readStateOfAnUntouchedDatabaseIsEmptyAndCreatesNothing(TestDatabase db) {
        try (Migrator migrator = Migrator.connect(settings(db))) {
            assertEquals(DatabaseState.empty(), migrator.readState());
            assertEquals(Set.of(), migrator.readHeads());
        }
        assertFalse(db.tableExists("public", "migrate_version"));
        assertFalse(db.tableExists("public", "migrate_history"));
    }

    @Test
    void wholeRunInOneTransaction(TestDatabase db) {
        try (Migrator migrator = Migrator.connect(settings(db))) {
            RunResult result = migrator.migrate(SCRIPTS, heads -> Revisions.upgrade(CHAIN, heads, "cccc00000003"),
                    RunOptions.defaults().withTransactionMode(TransactionMode.ALL), MigrationListener.NONE);
            assertEquals(3, result.steps().size());
        }
        assertEquals(List.of("cccc00000003"), db.query("SELECT version_num FROM migrate_version"));
        assertEquals(List.of("3"), db.query("SELECT count(*) FROM migrate_history"));
    }
}
