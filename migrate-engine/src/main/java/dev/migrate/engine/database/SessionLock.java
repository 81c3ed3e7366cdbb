package dev.migrate.engine.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A session-level advisory lock held on a connection of its own for a whole run. That connection
 * stays idle outside any transaction, so a non-transactional revision (CREATE INDEX CONCURRENTLY,
 * which waits for older transactions) never waits on it. Closing releases the lock and the connection.
 */
final class SessionLock implements AutoCloseable {
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Connection connection;
    private final long key;
    private final Duration waited;

    private SessionLock(Connection connection, long key, Duration waited) {
        this.connection = connection;
        this.key = key;
        this.waited = waited;
    }

    /**
     * Waits up to {@code timeout} (zero: not at all) for the lock, else {@link LockTimeoutException}.
     * Polls {@code pg_try_advisory_lock} instead of blocking in {@code pg_advisory_lock}: a blocked
     * call keeps a snapshot open for as long as it waits, and CREATE INDEX CONCURRENTLY in the run
     * that holds the lock would wait for that snapshot, a deadlock PostgreSQL does not detect.
     */
    static SessionLock acquire(Connection connection, long key, Duration timeout, String versionTable) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long pause = 5;
        try (Statement st = connection.createStatement()) {
            connection.setAutoCommit(true);
            String sql = "SELECT pg_catalog.pg_try_advisory_lock(" + key + ")";
            while (true) {
                try (ResultSet rs = st.executeQuery(sql)) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return new SessionLock(connection, key, Duration.ofNanos(System.nanoTime() - start));
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new LockTimeoutException(versionTable, key, timeout);
                }
                Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
                pause = Math.min(pause * 2, 200);
            }
        } catch (SQLException e) {
            throw new DatabaseException("Could not take the migration lock on " + versionTable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("Interrupted while waiting for the migration lock on " + versionTable, e);
        }
    }

    Duration waited() {
        return waited;
    }

    @Override
    public void close() {
        try (connection; Statement st = connection.createStatement()) {
            st.execute("SELECT pg_catalog.pg_advisory_unlock(" + key + ")");
        } catch (SQLException e) {
            // closing the session releases the lock anyway
        }
    }
}
