package dev.migrate.engine.graph;

/** One branch label is given to two revisions, or is also the id of a revision. */
public final class DuplicateBranchLabelException extends GraphException {
    private final String label;
    private final String firstRevision;
    private final String secondRevision;

    public DuplicateBranchLabelException(String label, String firstRevision, String secondRevision) {
        super("Branch label '" + label + "' is used by revision " + secondRevision + " and already by revision "
                + firstRevision + ". A label names one branch: remove it from one 'Branch Labels:' line.");
        this.label = label;
        this.firstRevision = firstRevision;
        this.secondRevision = secondRevision;
    }

    public String label() {
        return label;
    }

    public String firstRevision() {
        return firstRevision;
    }

    public String secondRevision() {
        return secondRevision;
    }
}
