package dev.migrate.engine.graph;

/** A relative target ({@code +N}, {@code -N}, {@code rev+N}, {@code label@head-2}) cannot be walked. */
public final class RelativeTargetException extends GraphException {
    private final String target;

    public RelativeTargetException(String target, String message) {
        super(message);
        this.target = target;
    }

    public String target() {
        return target;
    }
}
