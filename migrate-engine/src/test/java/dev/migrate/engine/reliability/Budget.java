package dev.migrate.engine.reliability;

/**
 * How hard the reliability tests push: a small budget by default (CI), the full counts with
 * {@code -Dmigrate.reliability.full=true}; each count can also be set on its own.
 */
final class Budget {
    static final boolean FULL = Boolean.getBoolean("migrate.reliability.full");

    private Budget() {
    }

    static int get(String name, int ci, int full) {
        return Integer.getInteger("migrate.reliability." + name, FULL ? full : ci);
    }

    /** Fails when a child's error line carries a Java stack trace or exception class names. */
    static void assertNoStackTrace(String text) {
        if (text.contains("\tat ") || text.matches("(?s).*\\b(java|javax|org)\\.[a-z]+\\.[\\w.]*(Exception|Error)\\b.*")) {
            throw new AssertionError("stack trace or exception class in the message: " + text);
        }
    }
}
