package dev.migrate.engine.graph;

/** A target that does not follow the target syntax, or a form not allowed where it is used. */
public final class InvalidTargetException extends GraphException {
    private final String target;

    public InvalidTargetException(String target, String message) {
        super(message);
        this.target = target;
    }

    public String target() {
        return target;
    }
}
