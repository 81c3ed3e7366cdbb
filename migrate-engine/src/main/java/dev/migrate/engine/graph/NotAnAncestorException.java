package dev.migrate.engine.graph;

/** A destination or range bound is not on the same line of descent as the other end. */
public final class NotAnAncestorException extends GraphException {
    private final String lower;
    private final String upper;

    public NotAnAncestorException(String lower, String upper, String message) {
        super(message);
        this.lower = lower;
        this.upper = upper;
    }

    public String lower() {
        return lower;
    }

    public String upper() {
        return upper;
    }
}
