package dev.migrate.engine.graph;

import java.util.List;

/** Revisions given together (as targets or as current heads) where one is an ancestor of another. */
public final class OverlappingRevisionsException extends GraphException {
    private final String revision;
    private final List<String> others;

    public OverlappingRevisionsException(String revision, List<String> others) {
        super("Requested revision " + revision + " overlaps with other requested revisions " + String.join(", ", others)
                + ": " + revision + " is an ancestor of them. Name only the newest revision of each branch.");
        this.revision = revision;
        this.others = List.copyOf(others);
    }

    public String revision() {
        return revision;
    }

    public List<String> others() {
        return others;
    }
}
