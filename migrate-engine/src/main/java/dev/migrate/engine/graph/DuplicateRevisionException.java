package dev.migrate.engine.graph;

/** Two revisions share one id. */
public final class DuplicateRevisionException extends GraphException {
    private final String id;
    private final String firstOrigin;
    private final String secondOrigin;

    public DuplicateRevisionException(String id, String firstOrigin, String secondOrigin) {
        super("Revision " + id + " is defined twice" + (firstOrigin == null ? "" : ": in " + firstOrigin + " and in " + secondOrigin)
                + ". Give one of them a new 'Revision ID:' (and update the 'Revises:' lines that point to it).");
        this.id = id;
        this.firstOrigin = firstOrigin;
        this.secondOrigin = secondOrigin;
    }

    public String id() {
        return id;
    }

    public String firstOrigin() {
        return firstOrigin;
    }

    public String secondOrigin() {
        return secondOrigin;
    }
}
