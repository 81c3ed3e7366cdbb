package dev.migrate.engine.database;

import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.testing.Revisions;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The advisory lock: concurrent runs, lock timeout, CREATE INDEX CONCURRENTLY under the lock, the transaction-scoped lock. */
@ExtendWith(TestDatabaseExtension.class)
class LockingTest {
    static final RevisionScript A = Revisions.script("aaaa00000001", null, "create accounts",
            "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\nSELECT pg_sleep(0.3);", "DROP TABLE accounts;");
    static final RevisionScript B = Revisions.script("bbbb00000002", "aaaa00000001", "index email",
            "CREATE INDEX CONCURRENTLY accounts_email ON accounts (email);", "DROP INDEX CONCURRENTLY accounts_email;", false);
    static final RevisionScript C = Revisions.script("cccc00000003", "bbbb00000002", "create orders",
            "CREATE TABLE orders (id bigint PRIMARY KEY);", "DROP TABLE orders;");
    static final List<RevisionScript> CHAIN = List.of(A, B, C);
    static final Map<String, RevisionScript> SCRIPTS = Revisions.byId(A, B, C);

    static DatabaseSettings settings(TestDatabase db) {
        return DatabaseSettings.of(db.jdbcUrl(), db.properties());
    }

    @Test
    void createIndexConcurrentlyRunsWhileTheLockIsHeld(TestDatabase db) {
        List<Duration> lockWaits = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (Migrator migrator = Migrator.connect(settings(db))) {
                migrator.migrate(SCRIPTS, heads -> Revisions.upgrade(CHAIN, heads, "cccc00000003"), RunOptions.defaults(),
                        new MigrationListener() {
                            @Override
                            public void lockAcquired(Duration waited) {
                                lockWaits.add(waited);
                            }
                        });
            }
        });
        assertEquals(1, lockWaits.size());
        assertEquals(List.of("cccc00000003"), db.query("SELECT version_num FROM migrate_version"));
        assertEquals(List.of("true"), db.query("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'accounts_email'::regclass"));
    }

    @Test
    void twoConcurrentRunsApplyEachRevisionOnce(TestDatabase db) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RunResult>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    try (Migrator migrator = Migrator.connect(settings(db))) {
                        start.await();
                        return migrator.migrate(SCRIPTS, heads -> Revisions.upgrade(CHAIN, heads, "cccc00000003"),
                                RunOptions.defaults(), MigrationListener.NONE);
                    }
                }));
            }
            RunResult first = runs.get(0).get();
            RunResult second = runs.get(1).get();
            assertEquals(3, first.steps().size() + second.steps().size());
            assertTrue(first.nothingToDo() || second.nothingToDo(), "one of the runs found nothing to do");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("aaaa00000001|1", "bbbb00000002|1", "cccc00000003|1"),
                db.query("SELECT revision, count(*) FROM migrate_history GROUP BY revision ORDER BY revision"));
        assertEquals(List.of("cccc00000003"), db.query("SELECT version_num FROM migrate_version"));
    }

    @Test
    void aRunWaitsForTheLockUpToTheTimeoutThenFails(TestDatabase db) throws Exception {
        DatabaseSettings settings = settings(db).withLockTimeout(Duration.ofMillis(300));
        long key = MigrationTables.of(settings).lockKey();
        try (Connection holder = db.connect(); Statement st = holder.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + key + ")");
            try (Migrator migrator = Migrator.connect(settings)) {
                long started = System.nanoTime();
                LockTimeoutException e = assertThrows(LockTimeoutException.class, () -> migrator.migrate(SCRIPTS,
                        heads -> Revisions.upgrade(CHAIN, heads, "cccc00000003"), RunOptions.defaults(), MigrationListener.NONE));
                long waitedMs = (System.nanoTime() - started) / 1_000_000;
                assertTrue(waitedMs >= 300, "waited " + waitedMs + " ms");
                assertEquals("Another migration run holds the lock on \"public\".\"migrate_version\" (advisory lock " + key
                        + "); gave up after 300 ms. Wait for it to finish, or raise lockTimeout. The holder is visible "
                        + "in pg_locks (locktype 'advisory') joined to pg_stat_activity.", e.getMessage());
                assertEquals(Duration.ofMillis(300), e.timeout());

                DatabaseSettings noWait = settings.withLockTimeout(Duration.ZERO);
                try (Migrator impatient = Migrator.connect(noWait)) {
                    assertThrows(LockTimeoutException.class, () -> impatient.migrate(SCRIPTS,
                            heads -> Revisions.upgrade(CHAIN, heads, "cccc00000003"), RunOptions.defaults(), MigrationListener.NONE));
                }
            }
            st.execute("SELECT pg_advisory_unlock(" + key + ")");
        }
        assertEquals(List.of(), db.query("SELECT relname FROM pg_class WHERE relname IN ('migrate_version', 'accounts')"));
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"));
    }

    @Test
    void theLockKeyDependsOnSchemaAndVersionTable() {
        long plain = new MigrationTables("public", "migrate_version", "migrate_history").lockKey();
        assertEquals(plain, new MigrationTables("public", "migrate_version", "other_history").lockKey());
        assertTrue(plain != new MigrationTables("app", "migrate_version", "migrate_history").lockKey());
        assertTrue(plain != new MigrationTables("public", "alembic_version", "migrate_history").lockKey());
    }

    @Test
    void theTransactionScopedLockRunsTransactionalRevisionsAndRefusesOthers(TestDatabase db) {
        DatabaseSettings settings = settings(db).withLockMode(LockMode.TRANSACTION).withStatementTimeout(Duration.ofSeconds(5));
        RevisionScript checked = Revisions.script("aaaa00000001", null, "create accounts",
                "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n"
                        + "DO $$ BEGIN IF current_setting('statement_timeout') <> '5s' THEN RAISE EXCEPTION 'statement_timeout is %', "
                        + "current_setting('statement_timeout'); END IF; END $$;", "DROP TABLE accounts;");
        try (Migrator migrator = Migrator.connect(settings)) {
            RunResult result = migrator.migrate(Revisions.byId(checked), heads -> Revisions.upgrade(List.of(checked), heads,
                    "aaaa00000001"), RunOptions.defaults(), MigrationListener.NONE);
            assertEquals(1, result.steps().size());
            NonTransactionalRevisionException e = assertThrows(NonTransactionalRevisionException.class, () -> migrator.migrate(
                    Revisions.byId(checked, B, C), heads -> Revisions.upgrade(List.of(checked, B, C), heads, "cccc00000003"),
                    RunOptions.defaults(), MigrationListener.NONE));
            assertEquals("Revision bbbb00000002 is marked 'Transactional: false' but a transaction pooler cannot run them; "
                    + "use the session pooler (port 5432) for this upgrade. Nothing was run.", e.getMessage());
        }
        assertEquals(List.of("aaaa00000001"), db.query("SELECT version_num FROM migrate_version"));
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"));
    }
}
