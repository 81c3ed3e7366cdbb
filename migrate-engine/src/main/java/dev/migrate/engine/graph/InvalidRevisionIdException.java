package dev.migrate.engine.graph;

/** A revision id that is not {@code [A-Za-z0-9_]+}, such as one containing {@code @ - + :}. */
public final class InvalidRevisionIdException extends GraphException {
    private final String id;

    public InvalidRevisionIdException(String id) {
        super("Invalid revision id '" + id + "': ids may contain only letters, digits and '_' "
                + "(the characters @ - + : are target syntax)");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
