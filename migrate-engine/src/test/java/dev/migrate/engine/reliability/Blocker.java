package dev.migrate.engine.reliability;

import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A connection of the test that holds one of the advisory locks the generated revisions wait for
 * ({@link FiftyRevisions#blockKey}), so that a run stops at exactly that statement; the test then
 * finds the waiting backend ({@link #awaitWaiter}), does its damage, and releases the lock.
 */
final class Blocker implements AutoCloseable {
    private final Database db;
    private final Connection connection;
    private final int pid;
    private long held = -1;

    Blocker(Database db) throws SQLException {
        this.db = db;
        this.connection = db.connect();
        this.pid = connection.unwrap(PGConnection.class).getBackendPID();
    }

    int pid() {
        return pid;
    }

    /** Holds the key of statement {@code statement} of revision {@code n}. */
    Blocker hold(int n, int statement) throws SQLException {
        held = FiftyRevisions.blockKey(n, statement);
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + held + ")");
        }
        return this;
    }

    /** The pid of the backend waiting for the held key, once one waits; fails after {@code timeout}. */
    int awaitWaiter(Duration timeout, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String sql = "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = " + (held >>> 32)
                + " AND objid = " + (held & 0xFFFFFFFFL) + " AND objsubid = 1";
        while (System.nanoTime() < deadline) {
            List<String> pids = db.query(sql);
            if (!pids.isEmpty()) {
                return Integer.parseInt(pids.get(0));
            }
            if (child != null && !child.isAlive()) {
                throw new AssertionError("the run ended (exit " + child.exitValue() + ") before it reached key " + held);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no run waited for key " + held + " within " + timeout);
    }

    /** The backend holding the migration lock (the advisory lock that is none of the revisions' keys), or -1. */
    int lockHolder() {
        List<String> pids = db.query("SELECT l.pid FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                + "WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database() AND l.pid <> " + pid
                + " AND NOT (l.classid = 0 AND l.objid BETWEEN " + FiftyRevisions.blockKey(0, 0) + " AND "
                + FiftyRevisions.blockKey(FiftyRevisions.COUNT + 1, 0) + ")");
        return pids.isEmpty() ? -1 : Integer.parseInt(pids.get(0));
    }

    void terminate(int backend) {
        List<String> done = db.query("SELECT pg_terminate_backend(" + backend + ")");
        if (!done.equals(List.of("t"))) {
            throw new AssertionError("could not terminate backend " + backend + ": " + done);
        }
    }

    void release() throws SQLException {
        if (held >= 0) {
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_advisory_unlock_all()")) {
                held = -1;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
