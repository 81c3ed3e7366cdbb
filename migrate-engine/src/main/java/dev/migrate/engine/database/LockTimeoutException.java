package dev.migrate.engine.database;

import java.time.Duration;

/** Another run held the migration lock for longer than {@code lockTimeout}. */
public final class LockTimeoutException extends DatabaseException {
    /** An error of the environment, not of the user's content. */
    @Override
    public Kind kind() {
        return Kind.ENVIRONMENT;
    }

    private final String versionTable;
    private final long key;
    private final Duration timeout;

    LockTimeoutException(String versionTable, long key, Duration timeout) {
        super("Another migration run holds the lock on " + versionTable + " (advisory lock " + key
                + "); gave up after " + timeout.toMillis() + " ms. Wait for it to finish, or raise lockTimeout. "
                + "The holder is visible in pg_locks (locktype 'advisory') joined to pg_stat_activity.");
        this.versionTable = versionTable;
        this.key = key;
        this.timeout = timeout;
    }

    public String versionTable() {
        return versionTable;
    }

    public long key() {
        return key;
    }

    public Duration timeout() {
        return timeout;
    }
}
