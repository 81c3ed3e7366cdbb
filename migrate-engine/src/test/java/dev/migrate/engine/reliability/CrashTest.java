package dev.migrate.engine.reliability;

import dev.migrate.engine.database.DatabaseSettings;
import dev.migrate.engine.database.MigrationListener;
import dev.migrate.engine.database.Migrator;
import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.testing.Revisions;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 ({@link Process#destroyForcibly()}) of a run, a JVM of its own, at chosen points of the
 * 50-revision upgrade ({@link FiftyRevisions}): at statement 1 (before anything of the revision
 * ran) or statement 3 (after its DDL) of a revision, including inside the non-transactional
 * revisions, where statements 1 and 2 are committed when the run dies. The run is stopped at the
 * point by an advisory lock the test holds, then killed. After each kill: the version table names
 * revisions whose effects are complete and nothing else is applied (an interrupted
 * non-transactional revision has exactly the effects its history row records), no advisory lock
 * is left, and a rerun (for an interrupted non-transactional revision: a rerun, which refuses and
 * says how to go on, then a resume) completes to the head, each statement applied once.
 *
 * <p>CI runs {@value #CI_POINTS} points spread over the graph; {@code -Dmigrate.reliability.full=true}
 * runs all {@code 2 x 17 = 34} (every third revision, both statements) plus the non-transactional
 * ones.
 */
class CrashTest {
    static final int CI_POINTS = 10;

    @TempDir
    static Path project;

    @BeforeAll
    static void writeProject() {
        FiftyRevisions.writeProject(project);
    }

    record Point(int revision, int statement) {
        boolean interruptsNonTransactional() {
            return !FiftyRevisions.transactional(revision);
        }

        @Override
        public String toString() {
            return id(revision) + " statement " + statement;
        }
    }

    static List<Point> points() {
        List<Point> all = new ArrayList<>();
        if (Budget.FULL || Integer.getInteger("migrate.reliability.killPoints", CI_POINTS) > CI_POINTS) {
            for (int n = 1; n <= FiftyRevisions.COUNT; n += 3) {
                all.add(new Point(n, 1));
                all.add(new Point(n, 3));
            }
            for (int n : FiftyRevisions.NON_TRANSACTIONAL) {
                all.add(new Point(n, 1));
                all.add(new Point(n, 3));
            }
            return all.stream().distinct().toList();
        }
        return List.of(new Point(1, 1), new Point(4, 3), new Point(20, 3), new Point(25, 1), new Point(25, 3),
                new Point(31, 1), new Point(38, 3), new Point(41, 3), new Point(45, 3), new Point(50, 3));
    }

    /**
     * What makes the server cancel the statement of a killed run: every revision runs with
     * {@code client_connection_check_interval} set, even after an earlier revision reset it.
     */
    @Test
    void everyRevisionRunsWithTheDeadClientCheck() {
        RevisionScript a = Revisions.script("aaaa00000001", null, "turn it off",
                "SET client_connection_check_interval = 0;\nCREATE TABLE a1 (v text);\n"
                        + "INSERT INTO a1 SELECT current_setting('client_connection_check_interval');", "");
        RevisionScript b = Revisions.script("bbbb00000002", "aaaa00000001", "look at it",
                "CREATE TABLE b1 AS SELECT current_setting('client_connection_check_interval') AS v;", "", false);
        try (TestDatabase test = TestDatabases.create();
             Migrator migrator = Migrator.connect(DatabaseSettings.of(test.jdbcUrl(), test.properties()))) {
            migrator.migrate(Revisions.byId(a, b), heads -> Revisions.upgrade(List.of(a, b), heads, "bbbb00000002"),
                    RunOptions.defaults(), MigrationListener.NONE);
            assertEquals(List.of("0"), test.query("SELECT v FROM a1"), "a revision may change it for itself");
            assertEquals(List.of("1s"), test.query("SELECT v FROM b1"), "the next revision starts with it again");
        }
    }

    @Test
    void aRunKilledAtAnyPointLeavesAConsistentDatabaseAndARerunCompletes() throws Exception {
        List<Point> points = points();
        long start = System.nanoTime();
        for (Point point : points) {
            killAt(point);
        }
        System.out.printf("CrashTest: kill -9 at %d points (%d inside a non-transactional revision), %d ms%n", points.size(),
                points.stream().filter(Point::interruptsNonTransactional).count(), (System.nanoTime() - start) / 1_000_000);
    }

    private void killAt(Point point) throws Exception {
        String name = "kill-" + point.revision() + "-" + point.statement();
        try (TestDatabase test = TestDatabases.create(); Blocker blocker = new Blocker(Database.of(test))) {
            Database db = Database.of(test);
            FiftyRevisions.prepare(db);
            blocker.hold(point.revision(), point.statement());
            Child run = Child.start(project, db, name, "upgrade", "heads", null);
            blocker.awaitWaiter(Duration.ofSeconds(60), run.process());
            run.kill();
            awaitNoRunBackend(db, blocker.pid(), point);
            assertEquals(List.of(), FiftyRevisions.advisoryLocks(db, blocker.pid()), point + ": no advisory lock left");
            blocker.release();

            Set<String> heads = FiftyRevisions.assertConsistent(db);
            assertFalse(FiftyRevisions.applied(heads).contains(id(point.revision())), point + ": the killed revision is not applied");
            List<String> running = db.query("SELECT revision, statements_done FROM migrate_history WHERE status = 'running'");
            if (point.interruptsNonTransactional()) {
                int done = point.statement() - 1;
                assertEquals(List.of(id(point.revision()) + "|" + done), running, point + ": progress of the interrupted revision");
                Child rerun = Child.start(project, db, name + "-rerun", "upgrade", "heads", null);
                assertEquals(UpgradeProcess.INTERRUPTED, rerun.exit(120), rerun::output);
                assertTrue(rerun.error().contains("interrupted in " + id(point.revision())), rerun.error());
                assertTrue(rerun.error().contains("migrate.resume=" + id(point.revision())), rerun.error());
                Budget.assertNoStackTrace(rerun.error());
                Child resume = Child.start(project, db, name + "-resume", "upgrade", "heads", id(point.revision()));
                assertEquals(UpgradeProcess.OK, resume.exit(120), resume::output);
            } else {
                assertEquals(List.of(), running, point + ": no revision recorded as interrupted");
                Child rerun = Child.start(project, db, name + "-rerun", "upgrade", "heads", null);
                assertEquals(UpgradeProcess.OK, rerun.exit(120), rerun::output);
            }
            assertEquals(Set.of(HEAD), FiftyRevisions.assertConsistent(db), point + ": the rerun reaches the head");
            FiftyRevisions.assertHistoryWithoutDuplicates(db);
            assertEquals(List.of("52"), db.query("SELECT count(*) FROM audit"), point + ": every statement applied once");
        }
    }

    /** Waits until the killed run's sessions are gone from the server, as the server notices the dead client. */
    private static void awaitNoRunBackend(Database db, int blockerPid, Point point) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> left = List.of();
        while (System.nanoTime() < deadline) {
            left = db.query("SELECT pid || ' ' || state || ' ' || coalesce(wait_event, '') FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid() "
                    + "AND pid <> " + blockerPid);
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(point + ": sessions of the killed run still on the server: " + left);
    }
}
