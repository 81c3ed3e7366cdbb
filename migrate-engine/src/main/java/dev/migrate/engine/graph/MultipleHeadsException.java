package dev.migrate.engine.graph;

import java.util.List;

/** A target that needs one revision ({@code head}, {@code label@head}) matches several heads. */
public final class MultipleHeadsException extends GraphException {
    private final List<String> heads;
    private final String argument;

    public MultipleHeadsException(List<String> heads, String argument) {
        super("Multiple heads are present for target '" + argument + "': " + String.join(", ", heads)
                + ". Use 'heads' to upgrade all of them, or name one branch with 'label@head' or a revision id.");
        this.heads = List.copyOf(heads);
        this.argument = argument;
    }

    public List<String> heads() {
        return heads;
    }

    public String argument() {
        return argument;
    }
}
