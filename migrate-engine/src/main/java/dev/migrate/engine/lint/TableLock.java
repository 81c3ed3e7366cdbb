package dev.migrate.engine.lint;

import java.util.Arrays;
import java.util.Optional;

/** PostgreSQL's table-level lock modes, weakest first, with what each one blocks. */
public enum TableLock {
    ACCESS_SHARE("AccessShareLock", "ACCESS SHARE", "nothing but ACCESS EXCLUSIVE"),
    ROW_SHARE("RowShareLock", "ROW SHARE", "EXCLUSIVE and ACCESS EXCLUSIVE"),
    ROW_EXCLUSIVE("RowExclusiveLock", "ROW EXCLUSIVE", "SHARE and stronger locks"),
    SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock", "SHARE UPDATE EXCLUSIVE", "other schema changes and VACUUM"),
    SHARE("ShareLock", "SHARE", "writes (INSERT, UPDATE, DELETE)"),
    SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock", "SHARE ROW EXCLUSIVE", "writes (INSERT, UPDATE, DELETE)"),
    EXCLUSIVE("ExclusiveLock", "EXCLUSIVE", "writes and SELECT ... FOR UPDATE"),
    ACCESS_EXCLUSIVE("AccessExclusiveLock", "ACCESS EXCLUSIVE", "reads and writes");

    private final String pgName;
    private final String display;
    private final String blocks;

    TableLock(String pgName, String display, String blocks) {
        this.pgName = pgName;
        this.display = display;
        this.blocks = blocks;
    }

    /** The mode as {@code pg_locks.mode} names it, e.g. {@code AccessExclusiveLock}. */
    public static Optional<TableLock> fromPgLocks(String mode) {
        return Arrays.stream(values()).filter(m -> m.pgName.equals(mode)).findFirst();
    }

    /** As the documentation writes it, e.g. {@code ACCESS EXCLUSIVE}. */
    public String display() {
        return display;
    }

    /** What ordinary traffic the lock blocks while it is held (or queued). */
    public String blocks() {
        return blocks;
    }

    /** True when the lock blocks writes (SHARE and stronger): a queue forms behind it. */
    public boolean blocksWrites() {
        return compareTo(SHARE) >= 0;
    }

    public TableLock max(TableLock other) {
        return other == null || compareTo(other) >= 0 ? this : other;
    }
}
