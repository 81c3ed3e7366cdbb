package dev.migrate.engine.verify;

import dev.migrate.engine.MigrateException;

import java.nio.file.Path;

/** The desired schema cannot be read or does not apply to an empty database; the message names the file and line. */
public final class DesiredSchemaException extends MigrateException {
    private final Path file;

    DesiredSchemaException(Path file, String problem, Throwable cause) {
        super("Desired schema " + file + " " + problem + ".", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
