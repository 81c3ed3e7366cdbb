package dev.migrate.engine.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A session-level advisory lock held on a connection of its own for a whole run. That connection
 * stays idle outside any transaction, so a non-transactional revision (CREATE INDEX CONCURRENTLY,
 * which waits for older transactions) never waits on it. It is kept alive (TCP keepalives,
 * {@code idle_session_timeout} and {@code idle_in_transaction_session_timeout} off for it), and the
 * run checks that it still holds the lock with {@link #heldCondition()}, a condition that travels in
 * the same round trip as each version-table change. Closing releases the lock and the connection.
 *
 * <p>With the lock, the connection takes a second advisory lock on a random key of its own, the
 * run's token: both are released together (the session ends, or {@code DISCARD ALL} behind a
 * session pooler). The token is held by this connection alone, so the check is a lock-manager
 * call that costs microseconds, {@code pg_try_advisory_xact_lock_shared(token)} failing, where
 * reading {@code pg_locks} copies the whole lock table, and a DDL transaction holds many locks.
 */
final class SessionLock implements AutoCloseable {
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Connection connection;
    private final long key;
    private final Duration waited;
    private final int pid;
    private final long token;

    private SessionLock(Connection connection, long key, Duration waited, int pid, long token) {
        this.connection = connection;
        this.key = key;
        this.waited = waited;
        this.pid = pid;
        this.token = token;
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
            long token = newToken(key);
            while (true) {
                String sql = "SELECT CASE WHEN pg_catalog.pg_try_advisory_lock(" + key + ")"
                        + " THEN pg_catalog.pg_try_advisory_lock(" + token + ") END, pg_catalog.pg_backend_pid(),"
                        + " pg_catalog.set_config('idle_in_transaction_session_timeout', '0', false),"
                        + " CASE WHEN pg_catalog.current_setting('server_version_num')::int >= 140000"
                        + " THEN pg_catalog.set_config('idle_session_timeout', '0', false) END";
                try (ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    boolean taken = rs.getBoolean(1);
                    if (taken) {
                        return new SessionLock(connection, key, Duration.ofNanos(System.nanoTime() - start), rs.getInt(2), token);
                    }
                    if (!rs.wasNull()) {
                        // the lock, but some other session holds the token's key (one chance in 2^64)
                        st.execute("SELECT pg_catalog.pg_advisory_unlock(" + key + ")");
                        token = newToken(key);
                        continue;
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

    /**
     * A random advisory-lock key for one run's token, never the migration lock's own key. It must be
     * unlikely to be another session's, not secret: a token some other session holds is seen when
     * the lock is taken and replaced. A fresh JVM seeds {@link ThreadLocalRandom} from its clocks in
     * microseconds, where its first {@code SecureRandom} would cost some 10 ms before connecting.
     */
    private static long newToken(long key) {
        long token;
        do {
            token = ThreadLocalRandom.current().nextLong();
        } while (token == key);
        return token;
    }

    Duration waited() {
        return waited;
    }

    /** The backend pid of the connection holding the lock. */
    int pid() {
        return pid;
    }

    /**
     * A SQL condition, true while this lock's connection still holds the lock: its token is held
     * exclusively, so another session cannot take it shared. When the condition is false the
     * evaluating transaction holds the token shared until it ends, which the caller makes happen
     * by raising an error.
     */
    String heldCondition() {
        return "(NOT pg_catalog.pg_try_advisory_xact_lock_shared(" + token + "))";
    }

    /**
     * The sessions that block backend {@code waiting} right now, one line each ({@code pid 4242
     * (idle in transaction): LOCK TABLE ...}), or an empty string. Uses the idle lock connection, so
     * it can run while the migrating connection waits.
     */
    synchronized String blockersOf(int waiting) {
        String sql = "SELECT a.pid, a.state, pg_catalog.left(a.query, 300) FROM pg_catalog.pg_stat_activity a"
                + " WHERE a.pid = ANY (pg_catalog.pg_blocking_pids(" + waiting + ")) ORDER BY a.pid";
        StringBuilder out = new StringBuilder();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.append(out.length() == 0 ? "" : "; ").append("pid ").append(rs.getInt(1)).append(" (")
                        .append(rs.getString(2)).append("): ").append(String.valueOf(rs.getString(3)).strip());
            }
        } catch (SQLException e) {
            return "";
        }
        return out.toString();
    }

    @Override
    public synchronized void close() {
        try (connection; Statement st = connection.createStatement()) {
            st.execute("SELECT pg_catalog.pg_advisory_unlock(" + token + "), pg_catalog.pg_advisory_unlock(" + key + ")");
        } catch (SQLException e) {
            // closing the session releases the lock anyway
        }
    }
}
