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

    /** Waits up to {@code timeout} (zero: not at all) for the lock, else {@link LockTimeoutException}. */
    static SessionLock acquire(Connection connection, long key, Duration timeout, String versionTable) {
        long start = System.nanoTime();
        try (Statement st = connection.createStatement()) {
            connection.setAutoCommit(true);
            boolean acquired;
            if (timeout.isZero()) {
                try (ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_try_advisory_lock(" + key + ")")) {
                    acquired = rs.next() && rs.getBoolean(1);
                }
            } else {
                st.execute("SET lock_timeout = " + Math.max(1, timeout.toMillis()));
                try {
                    st.execute("SELECT pg_catalog.pg_advisory_lock(" + key + ")");
                    acquired = true;
                } catch (SQLException e) {
                    if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                        throw e;
                    }
                    acquired = false;
                }
                st.execute("RESET lock_timeout");
            }
            if (!acquired) {
                throw new LockTimeoutException(versionTable, key, timeout);
            }
            return new SessionLock(connection, key, Duration.ofNanos(System.nanoTime() - start));
        } catch (SQLException e) {
            throw new DatabaseException("Could not take the migration lock on " + versionTable + ": " + e.getMessage(), e);
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
