package dev.migrate.engine.database;

import java.util.List;

/**
 * The version table holds revisions that no local revision file knows: the database was migrated
 * by a newer deploy, or a file was deleted. Nothing was run.
 */
public final class UnknownDatabaseRevisionsException extends DatabaseException {
    private final List<String> revisions;

    UnknownDatabaseRevisionsException(String versionTable, List<String> revisions) {
        super("The database is at " + (revisions.size() == 1 ? "revision " : "revisions ") + String.join(", ", revisions)
                + " (" + versionTable + "), which no local revision file knows: it was migrated by a newer "
                + "version of this project, or the file was deleted. Nothing was run. Check out the revision "
                + "files it was migrated with, or restore the deleted file.");
        this.revisions = List.copyOf(revisions);
    }

    public List<String> revisions() {
        return revisions;
    }
}
