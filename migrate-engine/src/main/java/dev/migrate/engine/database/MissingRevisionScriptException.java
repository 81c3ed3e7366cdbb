package dev.migrate.engine.database;

import java.util.List;

/** A plan names revisions for which no script was given; nothing was run. */
public final class MissingRevisionScriptException extends DatabaseException {
    private final List<String> revisions;

    MissingRevisionScriptException(List<String> revisions) {
        super("No revision file for " + String.join(", ", revisions) + " in the plan. Nothing was run.");
        this.revisions = List.copyOf(revisions);
    }

    public List<String> revisions() {
        return revisions;
    }
}
