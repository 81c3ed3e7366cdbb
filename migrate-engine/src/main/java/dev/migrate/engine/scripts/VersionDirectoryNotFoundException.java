package dev.migrate.engine.scripts;

import static dev.migrate.engine.Advice.command;

import dev.migrate.engine.MigrateException;

import java.nio.file.Path;

/** A configured version directory that does not exist or is not a directory. */
public final class VersionDirectoryNotFoundException extends MigrateException {
    private final Path directory;

    /** @param exists whether something that is not a directory is there */
    public VersionDirectoryNotFoundException(Path directory, boolean exists) {
        super("Version directory " + directory + (exists ? " is not a directory" : " does not exist")
                + ": create it, or run " + command("init"));
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }
}
