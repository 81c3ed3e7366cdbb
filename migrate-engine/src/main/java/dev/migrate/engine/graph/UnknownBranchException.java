package dev.migrate.engine.graph;

/** The part before '@' in a target names neither a branch label nor a revision. */
public final class UnknownBranchException extends GraphException {
    private final String branch;

    public UnknownBranchException(String branch, java.util.Collection<String> labels) {
        super("No such branch: '" + branch + "'. "
                + (labels.isEmpty() ? "No revision has a branch label; use a revision id before '@'."
                : "Known branch labels: " + String.join(", ", labels) + "."));
        this.branch = branch;
    }

    public String branch() {
        return branch;
    }
}
