package dev.migrate.engine.graph;

/** A target {@code label@rev} names a revision that is not on that branch. */
public final class NotInBranchException extends GraphException {
    private final String revision;
    private final String branch;

    public NotInBranchException(String revision, String branch) {
        super("Revision " + revision + " is not a member of branch '" + branch
                + "'. Drop the 'label@' part or name a revision of that branch.");
        this.revision = revision;
        this.branch = branch;
    }

    public String revision() {
        return revision;
    }

    public String branch() {
        return branch;
    }
}
