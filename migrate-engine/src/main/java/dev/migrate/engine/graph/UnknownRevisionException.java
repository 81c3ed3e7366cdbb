package dev.migrate.engine.graph;

/** No revision id, unique prefix or branch label matches what the user typed. */
public final class UnknownRevisionException extends GraphException {
    private final String argument;

    public UnknownRevisionException(String argument) {
        super(message(argument));
        this.argument = argument;
    }

    private static String message(String argument) {
        return "Revision '" + shown(argument) + "' not found: no revision id, prefix or branch label matches it"
                + (argument.length() <= 3 ? " (a prefix matches only ids and labels longer than 3 characters)" : "")
                + ". Run 'history' to list the revisions.";
    }

    public String argument() {
        return argument;
    }
}
