package dev.migrate.engine.database;

import java.util.List;

/**
 * The plan holds {@code Transactional: false} revisions but the run cannot execute them outside a
 * transaction (the whole run is one transaction, or a transaction pooler is in use). Nothing was run.
 */
public final class NonTransactionalRevisionException extends DatabaseException {
    private final List<String> revisions;

    NonTransactionalRevisionException(List<String> revisions, String reason) {
        super((revisions.size() == 1 ? "Revision " + revisions.get(0) + " is" : "Revisions "
                + String.join(", ", revisions) + " are") + " marked 'Transactional: false' but " + reason
                + ". Nothing was run.");
        this.revisions = List.copyOf(revisions);
    }

    public List<String> revisions() {
        return revisions;
    }
}
