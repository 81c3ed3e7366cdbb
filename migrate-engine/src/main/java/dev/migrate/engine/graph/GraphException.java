package dev.migrate.engine.graph;

import dev.migrate.engine.MigrateException;

/** Root of the errors about the revision graph and the targets resolved against it. */
public class GraphException extends MigrateException {
    public GraphException(String message) {
        super(message);
    }

    /** The longest piece of the user's input a message quotes whole. */
    static final int SHOWN_LENGTH = 100;

    /**
     * The user's input as a message quotes it: line breaks and other control characters written
     * as escapes, so that the message stays one paragraph, and a text longer than
     * {@value #SHOWN_LENGTH} characters cut, with its length, so that the message stays short.
     */
    static String shown(String input) {
        if (input == null) {
            return "null";
        }
        int end = input.length() <= SHOWN_LENGTH ? input.length() : SHOWN_LENGTH - 20;
        StringBuilder sb = new StringBuilder(end + 30);
        for (int i = 0; i < end; i++) {
            char c = input.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (end < input.length()) {
            sb.append("... (").append(input.length()).append(" characters)");
        }
        return sb.toString();
    }
}
