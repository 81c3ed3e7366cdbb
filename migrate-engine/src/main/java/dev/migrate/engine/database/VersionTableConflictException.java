package dev.migrate.engine.database;

import dev.migrate.engine.graph.VersionChange;

/**
 * A version-table change did not match exactly one row: someone else changed the version table
 * while this run was planned (another tool, a manual edit, a run without the lock).
 */
public final class VersionTableConflictException extends DatabaseException {
    private final String revision;
    private final VersionChange change;
    private final int rowsMatched;

    VersionTableConflictException(String table, String revision, VersionChange change, int rowsMatched, Throwable cause) {
        super("Version table " + table + " changed under this run: " + describe(change) + " for revision "
                + revision + " matched " + rowsMatched + " rows instead of 1. The revision was rolled back; "
                + "run 'current' to see where the database is, then plan again.", cause);
        this.revision = revision;
        this.change = change;
        this.rowsMatched = rowsMatched;
    }

    public String revision() {
        return revision;
    }

    public VersionChange change() {
        return change;
    }

    /** Rows the statement matched, or -1 when it failed outright (an insert of a row already there). */
    public int rowsMatched() {
        return rowsMatched;
    }

    static String describe(VersionChange change) {
        if (change instanceof VersionChange.Insert i) {
            return "inserting " + i.version();
        }
        if (change instanceof VersionChange.Update u) {
            return "updating " + u.from() + " to " + u.to();
        }
        return "deleting " + ((VersionChange.Delete) change).version();
    }
}
