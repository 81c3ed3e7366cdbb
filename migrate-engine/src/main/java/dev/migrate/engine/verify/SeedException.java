package dev.migrate.engine.verify;

import dev.migrate.engine.MigrateException;

import java.nio.file.Path;

/** The seed data of {@code verify} cannot be read or does not load; the message names the file (and line). */
public final class SeedException extends MigrateException {
    private final Path file;

    SeedException(Path file, String problem) {
        super("Seed data " + file + " " + problem + ".");
        this.file = file;
    }

    SeedException(Path file, String problem, Throwable cause) {
        super("Seed data " + file + " " + problem + ".", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
