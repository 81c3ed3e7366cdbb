package dev.migrate.engine;

/**
 * Root of every error the engine reports. Unchecked; subclasses are named for what failed and
 * carry its data. Messages say what went wrong, where, and what to do next, and never contain a
 * password.
 */
public class MigrateException extends RuntimeException {
    public MigrateException(String message) {
        super(message);
    }

    public MigrateException(String message, Throwable cause) {
        super(message, cause);
    }
}
