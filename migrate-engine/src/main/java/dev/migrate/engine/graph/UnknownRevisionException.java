package dev.migrate.engine.graph;

/** No revision id, unique prefix or branch label matches what the user typed. */
public final class UnknownRevisionException extends GraphException {
    private final String argument;

    public UnknownRevisionException(String argument) {
        super(message(argument));
        this.argument = argument;
    }

    private static String message(String argument) {
        if (argument.length() < 4) {
            return "Revision '" + argument + "' not found: a revision prefix needs at least 4 characters. "
                    + "Give more characters of the revision id.";
        }
        return "Revision '" + argument + "' not found: no revision id, prefix or branch label matches it. "
                + "Run 'history' to list the revisions.";
    }

    public String argument() {
        return argument;
    }
}
