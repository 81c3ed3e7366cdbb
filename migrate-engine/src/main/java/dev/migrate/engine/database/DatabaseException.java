package dev.migrate.engine.database;

import dev.migrate.engine.MigrateException;

/** Root of the errors raised while talking to the database. */
public class DatabaseException extends MigrateException {
    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
