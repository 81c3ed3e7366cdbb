package dev.migrate.engine.schema;

import dev.migrate.engine.MigrateException;

/** The desired schema cannot be read or built: a file, or a statement that fails on the scratch database. */
public final class DesiredSchemaException extends MigrateException {
    public DesiredSchemaException(String message) {
        super(message);
    }

    public DesiredSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
