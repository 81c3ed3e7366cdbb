package dev.migrate.engine.database;

import java.util.List;

/** A downgrade plan goes through revisions that have no downgrade section; nothing was run. */
public final class IrreversibleRevisionException extends DatabaseException {
    private final List<String> revisions;

    IrreversibleRevisionException(List<String> revisions) {
        super((revisions.size() == 1 ? "Revision " + revisions.get(0) + " is" : "Revisions "
                + String.join(", ", revisions) + " are") + " irreversible (no '-- migrate:downgrade' section): "
                + "the downgrade cannot pass through " + (revisions.size() == 1 ? "it" : "them")
                + ". Nothing was run. Choose a target above " + (revisions.size() == 1 ? "it" : "them")
                + ", or add a downgrade section.");
        this.revisions = List.copyOf(revisions);
    }

    public List<String> revisions() {
        return revisions;
    }
}
