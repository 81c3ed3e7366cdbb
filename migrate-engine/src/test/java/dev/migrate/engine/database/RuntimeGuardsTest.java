package dev.migrate.engine.database;

import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.testing.Revisions;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timeouts and session reset per revision, transaction control, a lost lock, interrupted revisions, accepted edits. */
@ExtendWith(TestDatabaseExtension.class)
class RuntimeGuardsTest {
    static DatabaseSettings settings(TestDatabase db) {
        return DatabaseSettings.of(db.jdbcUrl(), db.properties());
    }

    @Test
    void everyRevisionStartsFromTheRunsSettings(TestDatabase db) {
        RevisionScript a = Revisions.script("aaaa00000001", null, "leak settings",
                "CREATE SCHEMA other;\nSET search_path TO other;\nSET statement_timeout = 0;\nSET lock_timeout = 0;", "");
        RevisionScript b = Revisions.script("bbbb00000002", "aaaa00000001", "check settings",
                "CREATE TABLE t2 (id int);\nDO $$ BEGIN IF current_setting('lock_timeout') <> '1500ms' OR "
                        + "current_setting('statement_timeout') <> '5s' THEN RAISE EXCEPTION 'lock % statement %', "
                        + "current_setting('lock_timeout'), current_setting('statement_timeout'); END IF; END $$;", "");
        try (Migrator migrator = Migrator.connect(settings(db).withLockTimeout(Duration.ofMillis(1500))
                .withStatementTimeout(Duration.ofSeconds(5)))) {
            migrator.migrate(Revisions.byId(a, b), heads -> Revisions.upgrade(List.of(a, b), heads, "bbbb00000002"),
                    RunOptions.defaults(), MigrationListener.NONE);
        }
        assertTrue(db.tableExists("public", "t2"));
        assertFalse(db.tableExists("other", "t2"));
    }

    @Test
    void transactionControlIsRefusedBeforeAnythingRuns(TestDatabase db) {
        RevisionScript a = Revisions.script("aaaa00000001", null, "rollback inside",
                "CREATE TABLE x1 (id int);\n/* oops */ ROLLBACK;\nSELECT 1;", "");
        try (Migrator migrator = Migrator.connect(settings(db))) {
            TransactionControlException e = assertThrows(TransactionControlException.class, () -> migrator.migrate(
                    Revisions.byId(a), heads -> Revisions.upgrade(List.of(a), heads, "aaaa00000001"),
                    RunOptions.defaults(), MigrationListener.NONE));
            assertEquals(List.of(new TransactionControlException.Finding("aaaa00000001", a.file(), 8, "ROLLBACK")), e.findings());
            assertTrue(e.getMessage().contains("'Transactional: false'"), e.getMessage());
        }
        assertFalse(db.tableExists("public", "x1"));
        assertEquals(List.of(), db.query("SELECT version_num FROM migrate_version"));
    }

    @Test
    void aRunThatLosesItsLockStopsAndAppliesNothingMore(TestDatabase db) {
        RevisionScript a = Revisions.script("aaaa00000001", null, "kill the lock",
                "CREATE TABLE a1 (id int);\nSELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' "
                        + "AND pid <> pg_backend_pid();\nSELECT pg_sleep(0.2);", "");
        RevisionScript b = Revisions.script("bbbb00000002", "aaaa00000001", "after", "CREATE TABLE b1 (id int);", "");
        try (Migrator migrator = Migrator.connect(settings(db))) {
            LockLostException e = assertThrows(LockLostException.class, () -> migrator.migrate(Revisions.byId(a, b),
                    heads -> Revisions.upgrade(List.of(a, b), heads, "bbbb00000002"), RunOptions.defaults(),
                    MigrationListener.NONE));
            assertEquals("aaaa00000001", e.revision());
            assertTrue(e.getMessage().contains("The revision was rolled back"), e.getMessage());
        }
        assertFalse(db.tableExists("public", "a1"));
        assertFalse(db.tableExists("public", "b1"));
        assertEquals(List.of(), db.query("SELECT version_num FROM migrate_version"));
    }

    @Test
    void aRunWhoseLockAnotherSessionTookOverStops(TestDatabase db) throws Exception {
        long key = MigrationTables.of(settings(db)).lockKey();
        RevisionScript a = Revisions.script("aaaa00000001", null, "lose the lock to another session",
                "CREATE TABLE a1 (id int);\nSELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' "
                        + "AND pid <> pg_backend_pid();\nSELECT pg_sleep(1);", "");
        RevisionScript b = Revisions.script("bbbb00000002", "aaaa00000001", "after", "CREATE TABLE b1 (id int);", "");
        try (Connection other = DriverManager.getConnection(db.jdbcUrl(), db.properties());
             Migrator migrator = Migrator.connect(settings(db))) {
            CompletableFuture<Boolean> takeover = CompletableFuture.supplyAsync(() -> {
                try (Statement st = other.createStatement()) {
                    boolean runHeldIt = false;
                    for (int i = 0; i < 2000; i++) {
                        String sql = runHeldIt ? "SELECT pg_try_advisory_lock(" + key + ")"
                                : "SELECT count(*) > 0 FROM pg_locks WHERE locktype = 'advisory' AND granted";
                        try (ResultSet rs = st.executeQuery(sql)) {
                            if (rs.next() && rs.getBoolean(1) && !runHeldIt) {
                                runHeldIt = true;
                                continue;
                            }
                            if (runHeldIt && rs.getBoolean(1)) {
                                return true;
                            }
                        }
                        Thread.sleep(2);
                    }
                    return false;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            LockLostException e = assertThrows(LockLostException.class, () -> migrator.migrate(Revisions.byId(a, b),
                    heads -> Revisions.upgrade(List.of(a, b), heads, "bbbb00000002"), RunOptions.defaults(),
                    MigrationListener.NONE));
            assertTrue(takeover.get(), "the other session took the migration lock while the revision ran");
            assertEquals("aaaa00000001", e.revision());
        }
        assertFalse(db.tableExists("public", "a1"));
        assertFalse(db.tableExists("public", "b1"));
        assertEquals(List.of(), db.query("SELECT version_num FROM migrate_version"));
    }

    @Test
    void anInterruptedNonTransactionalRevisionIsReportedThenResumed(TestDatabase db) {
        db.execute("CREATE TABLE flag (n int)");
        RevisionScript a = Revisions.script("aaaa00000001", null, "three steps",
                "CREATE TABLE s1 (id int);\nINSERT INTO s1 SELECT 1 / (SELECT count(*)::int FROM flag);\nCREATE TABLE s3 (id int);",
                "", false);
        try (Migrator migrator = Migrator.connect(settings(db))) {
            assertThrows(MigrationFailedException.class, () -> migrator.migrate(Revisions.byId(a),
                    heads -> Revisions.upgrade(List.of(a), heads, "aaaa00000001"), RunOptions.defaults(), MigrationListener.NONE));
            InterruptedRevisionException e = assertThrows(InterruptedRevisionException.class, () -> migrator.migrate(
                    Revisions.byId(a), heads -> Revisions.upgrade(List.of(a), heads, "aaaa00000001"),
                    RunOptions.defaults(), MigrationListener.NONE));
            assertTrue(e.getMessage().startsWith("An earlier run was interrupted in aaaa00000001 after statement 1 of 3 (line 7)"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("migrate.resume=aaaa00000001"), e.getMessage());
            db.execute("INSERT INTO flag VALUES (1)");
            RunResult resumed = migrator.migrate(Revisions.byId(a), heads -> Revisions.upgrade(List.of(a), heads, "aaaa00000001"),
                    RunOptions.defaults().withResume(Optional.of("aaaa00000001")), MigrationListener.NONE);
            assertEquals(Set.of("aaaa00000001"), resumed.endHeads());
        }
        assertTrue(db.tableExists("public", "s3"));
        assertEquals(List.of("aaaa00000001|upgrade|done|null"),
                db.query("SELECT revision, direction, status, statements_done FROM migrate_history"));
    }

    @Test
    void anAcceptedEditIsRecordedOnceAndAnUnknownIdIsRefused(TestDatabase db) {
        RevisionScript a = Revisions.script("aaaa00000001", null, "one", "CREATE TABLE one (id int);", "");
        try (Migrator migrator = Migrator.connect(settings(db))) {
            migrator.migrate(Revisions.byId(a), heads -> Revisions.upgrade(List.of(a), heads, "aaaa00000001"),
                    RunOptions.defaults(), MigrationListener.NONE);
            RevisionScript edited = Revisions.edited(a);
            assertThrows(EditedRevisionsException.class, () -> migrator.migrate(Revisions.byId(edited),
                    heads -> Revisions.upgrade(List.of(edited), heads, "aaaa00000001"), RunOptions.defaults(), MigrationListener.NONE));
            UnknownAcceptedRevisionException unknown = assertThrows(UnknownAcceptedRevisionException.class, () -> migrator.migrate(
                    Revisions.byId(edited), heads -> Revisions.upgrade(List.of(edited), heads, "aaaa00000001"),
                    RunOptions.defaults().withAcceptChanged(Set.of("nosuchrev")), MigrationListener.NONE));
            assertEquals(List.of("nosuchrev"), unknown.revisions());
            migrator.migrate(Revisions.byId(edited), heads -> Revisions.upgrade(List.of(edited), heads, "aaaa00000001"),
                    RunOptions.defaults().withAcceptChanged(Set.of("aaaa00000001")), MigrationListener.NONE);
            RunResult again = migrator.migrate(Revisions.byId(edited), heads -> Revisions.upgrade(List.of(edited), heads,
                    "aaaa00000001"), RunOptions.defaults(), MigrationListener.NONE);
            assertTrue(again.nothingToDo());
        }
        assertEquals(List.of("upgrade", "accept"), db.query("SELECT direction FROM migrate_history ORDER BY id"));
    }
}
