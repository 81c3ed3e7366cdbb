package dev.migrate.engine.reliability;

import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.migrate.engine.reliability.FiftyRevisions.HEAD;
import static dev.migrate.engine.reliability.FiftyRevisions.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real concurrent runs, each a JVM of its own ({@link UpgradeProcess}), on the generated
 * 50-revision graph with a branch and a merge ({@link FiftyRevisions}): N processes x R rounds of
 * {@code upgrade}, one fresh database per round; upgrades racing downgrades; and a run whose
 * lock connection is terminated mid-run while a second run takes over. Budget:
 * {@code -Dmigrate.reliability.processes}, {@code .rounds}; {@code -Dmigrate.reliability.full=true}
 * runs 8 x 20.
 */
class ConcurrencyTest {
    static final int PROCESSES = Budget.get("processes", 4, 8);
    static final int ROUNDS = Budget.get("rounds", 3, 20);

    @TempDir
    static Path project;

    @BeforeAll
    static void writeProject() {
        FiftyRevisions.writeProject(project);
    }

    @Test
    void concurrentUpgradesApplyEveryRevisionExactlyOnce() throws Exception {
        long start = System.nanoTime();
        int working = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            try (TestDatabase test = TestDatabases.create()) {
                Database db = Database.of(test);
                FiftyRevisions.prepare(db);
                List<Child> children = new ArrayList<>();
                for (int p = 1; p <= PROCESSES; p++) {
                    children.add(Child.start(project, db, "up-" + round + "-" + p, "upgrade", "heads", null));
                }
                for (Child child : children) {
                    assertEquals(UpgradeProcess.OK, child.exit(120), () -> child.describe() + child.output());
                }
                assertEquals(Set.of(HEAD), FiftyRevisions.assertConsistent(db));
                FiftyRevisions.assertHistoryWithoutDuplicates(db);
                assertEquals(List.of("50"), db.query("SELECT count(*) FROM migrate_history WHERE direction = 'upgrade' AND status = 'done'"));
                assertEquals(List.of("52"), db.query("SELECT count(*) FROM audit"), "50 revisions, two of them with two audit rows");
                assertEquals(List.of(), FiftyRevisions.advisoryLocks(db, -1), "no lock left");
                working += countWorkers(db);
            }
        }
        System.out.printf("ConcurrencyTest: %d processes x %d rounds of upgrade, %d runs applied revisions, %d ms%n",
                PROCESSES, ROUNDS, working, (System.nanoTime() - start) / 1_000_000);
    }

    /** How many runs applied at least one revision (distinct backends in the audit table). */
    private static int countWorkers(Database db) {
        return Integer.parseInt(db.query("SELECT count(DISTINCT pid) FROM audit").get(0));
    }

    @Test
    void upgradesRacingDowngradesLeaveAConsistentState() throws Exception {
        int rounds = Math.max(2, ROUNDS / 2);
        try (TestDatabase test = TestDatabases.create()) {
            Database db = Database.of(test);
            FiftyRevisions.prepare(db);
            assertEquals(UpgradeProcess.OK, Child.start(project, db, "race-initial", "upgrade", "heads", null).exit(120));
            for (int round = 1; round <= rounds; round++) {
                List<Child> children = new ArrayList<>();
                for (int p = 1; p <= PROCESSES; p++) {
                    boolean up = (p + round) % 2 == 0;
                    children.add(Child.start(project, db, "race-" + round + "-" + p, up ? "upgrade" : "downgrade",
                            up ? "heads" : id(20), null));
                }
                for (Child child : children) {
                    assertEquals(UpgradeProcess.OK, child.exit(120), () -> child.describe() + child.output());
                }
                Set<String> heads = FiftyRevisions.assertConsistent(db);
                String last = db.query("SELECT direction FROM migrate_history ORDER BY id DESC LIMIT 1").get(0);
                assertEquals(last.equals("downgrade") ? Set.of(id(20)) : Set.of(HEAD), heads,
                        "the heads are those of the last run that changed something (" + last + ")");
                assertEquals(List.of(), FiftyRevisions.advisoryLocks(db, -1), "no lock left");
            }
            System.out.printf("ConcurrencyTest: %d processes x %d rounds of upgrade racing downgrade, %s audit rows%n",
                    PROCESSES, rounds, db.query("SELECT count(*) FROM audit").get(0));
        }
    }

    /**
     * The lock connection of a run inside transactional revision rev_10 is terminated; a second run
     * takes the lock and runs rev_10 too, waiting on the first run's open transaction. The first run
     * finds at commit that its lock is gone and rolls back (typed error, exit 2); the second applies
     * everything once.
     */
    @Test
    void aRunWhoseLockIsTerminatedInATransactionalRevisionStopsAndTheNextAppliesEverythingOnce() throws Exception {
        try (TestDatabase test = TestDatabases.create(); Blocker blocker = new Blocker(Database.of(test))) {
            Database db = Database.of(test);
            FiftyRevisions.prepare(db);
            blocker.hold(10, 3);
            Child first = Child.start(project, db, "lost-tx-first", "upgrade", "heads", null);
            int firstBackend = blocker.awaitWaiter(Duration.ofSeconds(60), first.process());
            int lockBackend = blocker.lockHolder();
            assertTrue(lockBackend > 0, "the first run holds the migration lock");
            blocker.terminate(lockBackend);
            Child second = Child.start(project, db, "lost-tx-second", "upgrade", "heads", null);
            awaitSecondRunWaiting(db, firstBackend, second);
            blocker.release();
            assertEquals(UpgradeProcess.LOCK_LOST, first.exit(60), first::output);
            assertEquals(UpgradeProcess.OK, second.exit(120), second::output);
            String error = first.error();
            assertTrue(error.startsWith("ERROR LockLostException: This run lost its migration lock"), error);
            assertTrue(error.contains("Stopped at revision " + id(10) + ". The revision was rolled back"), error);
            Budget.assertNoStackTrace(error);
            assertEquals(Set.of(HEAD), FiftyRevisions.assertConsistent(db));
            FiftyRevisions.assertHistoryWithoutDuplicates(db);
            assertEquals(List.of("1"), db.query("SELECT count(*) FROM audit WHERE revision = '" + id(10) + "'"));
        }
    }

    /**
     * Waits until the second run, inside rev_10 too, waits for the first run's open transaction (which
     * holds rev_10's first statement key): a lock wait of a backend other than the first run's.
     */
    private static void awaitSecondRunWaiting(Database db, int firstBackend, Child second) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!db.query("SELECT pid FROM pg_locks WHERE NOT granted AND pid <> " + firstBackend).isEmpty()) {
                return;
            }
            if (!second.process().isAlive()) {
                throw new AssertionError("the second run ended early: " + second.output());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the second run never waited for the first run's transaction: " + second.output());
    }

    /**
     * The lock connection of a run inside non-transactional revision rev_25 (statements 1 and 2 of 4
     * done) is terminated. A second run takes the lock, finds the revision interrupted and stops;
     * the first run records its third statement, notices the lost lock and stops; a third run
     * resumes from statement 4. Every statement ran once.
     */
    @Test
    void aRunWhoseLockIsTerminatedInANonTransactionalRevisionStopsAndIsResumedOnce() throws Exception {
        try (TestDatabase test = TestDatabases.create(); Blocker blocker = new Blocker(Database.of(test))) {
            Database db = Database.of(test);
            FiftyRevisions.prepare(db);
            blocker.hold(25, 3);
            Child first = Child.start(project, db, "lost-nt-first", "upgrade", "heads", null);
            blocker.awaitWaiter(Duration.ofSeconds(60), first.process());
            blocker.terminate(blocker.lockHolder());
            Child second = Child.start(project, db, "lost-nt-second", "upgrade", "heads", null);
            assertEquals(UpgradeProcess.INTERRUPTED, second.exit(60), second::output);
            assertTrue(second.error().contains("interrupted in " + id(25) + " after statement 2 of 4"), second.error());
            blocker.release();
            assertEquals(UpgradeProcess.LOCK_LOST, first.exit(60), first::output);
            String error = first.error();
            assertTrue(error.contains("Stopped at revision " + id(25) + ". Statements 1 to 3 of 4 ran and are recorded"), error);
            assertTrue(error.contains("migrate.resume=" + id(25)), error);
            Budget.assertNoStackTrace(error);
            FiftyRevisions.assertConsistent(db);
            assertEquals(List.of(id(25) + "|3"), db.query("SELECT revision, statements_done FROM migrate_history WHERE status = 'running'"));
            Child third = Child.start(project, db, "lost-nt-third", "upgrade", "heads", id(25));
            assertEquals(UpgradeProcess.OK, third.exit(120), third::output);
            assertTrue(third.stdout().contains("Resuming upgrade " + id(25) + " after statement 3"), third.stdout());
            assertEquals(Set.of(HEAD), FiftyRevisions.assertConsistent(db));
            FiftyRevisions.assertHistoryWithoutDuplicates(db);
            assertEquals(List.of("up|1", "up|3"), db.query("SELECT direction, step FROM audit WHERE revision = '" + id(25) + "' ORDER BY seq"));
            assertEquals(List.of("true"), db.query("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 't_25_id'::regclass"));
        }
    }
}
