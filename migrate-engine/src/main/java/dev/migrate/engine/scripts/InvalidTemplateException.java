package dev.migrate.engine.scripts;

import dev.migrate.engine.MigrateException;

/**
 * A {@code fileTemplate} with an unknown token or a path outside the version directory, or a
 * {@code template.sql} whose rendered file does not read back as the revision it was given.
 */
public final class InvalidTemplateException extends MigrateException {
    public InvalidTemplateException(String message) {
        super(message);
    }
}
