package dev.migrate.engine.scripts;

import dev.migrate.engine.MigrateException;

import java.nio.file.Path;

/** A new revision file whose name is already taken: nothing is overwritten. */
public final class RevisionFileExistsException extends MigrateException {
    private final Path file;

    public RevisionFileExistsException(Path file) {
        super("Revision file " + file + " already exists: nothing was written; choose another message or revision id");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
