package dev.migrate.engine.reliability;

import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static dev.migrate.engine.reliability.FiftyRevisions.HEAD;
import static dev.migrate.engine.reliability.FiftyRevisions.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run (a JVM of its own) loses its database connection in the middle of a revision: its
 * migrating backend is terminated, or the whole server is stopped and started again (an embedded
 * server on a data directory of this test). The run stops with one typed error that says what
 * happened and where, without a stack trace; the database is consistent (the revision rolled back,
 * or, when not transactional, recorded as far as it ran); no lock is left; a rerun, or a resume,
 * completes to the head with every statement applied once.
 */
class ConnectionLossTest {
    @TempDir
    static Path project;

    @TempDir
    Path dataDirectory;

    @BeforeAll
    static void writeProject() {
        FiftyRevisions.writeProject(project);
    }

    @Test
    void theMigratingBackendTerminatedInATransactionalRevision() throws Exception {
        try (TestDatabase test = TestDatabases.create(); Blocker blocker = new Blocker(Database.of(test))) {
            Database db = Database.of(test);
            FiftyRevisions.prepare(db);
            blocker.hold(10, 3);
            Child run = Child.start(project, db, "terminated-10", "upgrade", "heads", null);
            blocker.terminate(blocker.awaitWaiter(Duration.ofSeconds(60), run.process()));
            assertEquals(UpgradeProcess.CONNECTION_LOST, run.exit(60), run::output);
            String error = run.error();
            assertTrue(error.startsWith("ERROR DatabaseConnectionLostException: The connection to the database was lost at "
                    + "revision " + id(10)), error);
            assertTrue(error.contains("The revision was rolled back; the version table is still at " + id(9)), error);
            Budget.assertNoStackTrace(error);
            blocker.release();
            finishAfterLoss(db, 10, run.describe());
        }
    }

    @Test
    void theMigratingBackendTerminatedInANonTransactionalRevision() throws Exception {
        try (TestDatabase test = TestDatabases.create(); Blocker blocker = new Blocker(Database.of(test))) {
            Database db = Database.of(test);
            FiftyRevisions.prepare(db);
            blocker.hold(25, 3);
            Child run = Child.start(project, db, "terminated-25", "upgrade", "heads", null);
            blocker.terminate(blocker.awaitWaiter(Duration.ofSeconds(60), run.process()));
            assertEquals(UpgradeProcess.CONNECTION_LOST, run.exit(60), run::output);
            String error = run.error();
            assertTrue(error.startsWith("ERROR DatabaseConnectionLostException: The connection to the database was lost at "
                    + "revision " + id(25)), error);
            assertTrue(error.contains("migrate.resume=" + id(25)), error);
            Budget.assertNoStackTrace(error);
            blocker.release();
            finishAfterLoss(db, 25, run.describe());
        }
    }

    /** A deferred trigger makes rev_10's COMMIT wait; the backend is terminated there. */
    @Test
    void theMigratingBackendTerminatedWhileCommittingARevision() throws Exception {
        try (TestDatabase test = TestDatabases.create(); Blocker blocker = new Blocker(Database.of(test))) {
            Database db = Database.of(test);
            FiftyRevisions.prepare(db);
            db.execute("CREATE FUNCTION wait_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "PERFORM pg_advisory_xact_lock(" + FiftyRevisions.blockKey(10, 9) + "); RETURN NULL; END $$;\n"
                    + "CREATE CONSTRAINT TRIGGER wait_at_commit AFTER INSERT ON audit DEFERRABLE INITIALLY DEFERRED "
                    + "FOR EACH ROW WHEN (NEW.revision = '" + id(10) + "') EXECUTE FUNCTION wait_at_commit()");
            blocker.hold(10, 9);
            Child run = Child.start(project, db, "terminated-commit-10", "upgrade", "heads", null);
            blocker.terminate(blocker.awaitWaiter(Duration.ofSeconds(60), run.process()));
            assertEquals(UpgradeProcess.CONNECTION_LOST, run.exit(60), run::output);
            String error = run.error();
            assertTrue(error.startsWith("ERROR DatabaseConnectionLostException: The connection to the database was lost at "
                    + "revision " + id(10) + " while committing it"), error);
            Budget.assertNoStackTrace(error);
            blocker.release();
            finishAfterLoss(db, 10, run.describe());
        }
    }

    @Test
    void theServerStoppedAndStartedInATransactionalRevision() throws Exception {
        restartServerIn(10);
    }

    @Test
    void theServerStoppedAndStartedInANonTransactionalRevision() throws Exception {
        restartServerIn(25);
    }

    private void restartServerIn(int revision) throws Exception {
        int port = freePort();
        EmbeddedPostgres server = start(port);
        Database db;
        try {
            Database admin = new Database("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", credentials());
            admin.execute("CREATE DATABASE restarted");
            db = new Database("jdbc:postgresql://localhost:" + port + "/restarted", "postgres", credentials());
            FiftyRevisions.prepare(db);
            Child run;
            try (Blocker blocker = new Blocker(db)) {
                blocker.hold(revision, 3);
                run = Child.start(project, db, "restart-" + revision, "upgrade", "heads", null);
                blocker.awaitWaiter(Duration.ofSeconds(60), run.process());
                long stopping = System.nanoTime();
                server.close();
                server = null;
                assertEquals(UpgradeProcess.CONNECTION_LOST, run.exit(60), run::output);
                System.out.printf("ConnectionLossTest: the run stopped %d ms after the server began to stop%n",
                        (System.nanoTime() - stopping) / 1_000_000);
            } catch (java.sql.SQLException closedWithTheServer) {
                throw new AssertionError(closedWithTheServer);
            }
            String error = run.error();
            assertTrue(error.startsWith("ERROR DatabaseConnectionLostException: The connection to the database was lost at "
                    + "revision " + id(revision)), error);
            Budget.assertNoStackTrace(error);
            System.out.println("ConnectionLossTest: " + error);
            server = start(port);
            finishAfterLoss(db, revision, run.describe());
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * After the loss: consistent state, the revision not applied, no lock; then a rerun, or for a
     * non-transactional revision the refused rerun and a resume, reaches the head, each statement once.
     */
    private void finishAfterLoss(Database db, int revision, String what) throws Exception {
        Set<String> heads = FiftyRevisions.assertConsistent(db);
        assertTrue(!FiftyRevisions.applied(heads).contains(id(revision)), what + ": " + heads);
        awaitNoAdvisoryLock(db);
        String name = what.replaceAll("\\W", "") + "-again";
        if (FiftyRevisions.transactional(revision)) {
            assertEquals(List.of(), db.query("SELECT revision FROM migrate_history WHERE status = 'running'"));
            Child rerun = Child.start(project, db, name, "upgrade", "heads", null);
            assertEquals(UpgradeProcess.OK, rerun.exit(120), rerun::output);
        } else {
            assertEquals(List.of(id(revision) + "|2"), db.query("SELECT revision, statements_done FROM migrate_history "
                    + "WHERE status = 'running'"), "the statement cut off is not recorded as done");
            Child rerun = Child.start(project, db, name, "upgrade", "heads", null);
            assertEquals(UpgradeProcess.INTERRUPTED, rerun.exit(120), rerun::output);
            assertTrue(rerun.error().contains("interrupted in " + id(revision) + " after statement 2 of 4"), rerun.error());
            Child resume = Child.start(project, db, name + "-resume", "upgrade", "heads", id(revision));
            assertEquals(UpgradeProcess.OK, resume.exit(120), resume::output);
        }
        assertEquals(Set.of(HEAD), FiftyRevisions.assertConsistent(db));
        FiftyRevisions.assertHistoryWithoutDuplicates(db);
        assertEquals(List.of("52"), db.query("SELECT count(*) FROM audit"), "every statement applied once");
    }

    private static void awaitNoAdvisoryLock(Database db) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> locks = List.of();
        while (System.nanoTime() < deadline) {
            locks = FiftyRevisions.advisoryLocks(db, -1);
            if (locks.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("advisory locks left after the run ended: " + locks);
    }

    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory.resolve("pg")).setCleanDataDirectory(false)
                .setPort(port).start();
    }

    private static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
