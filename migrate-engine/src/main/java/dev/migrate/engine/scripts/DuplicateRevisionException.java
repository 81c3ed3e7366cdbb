package dev.migrate.engine.scripts;

import dev.migrate.engine.MigrateException;

import java.nio.file.Path;

/** Two revision files with the same {@code Revision ID}. */
public final class DuplicateRevisionException extends MigrateException {
    private final String id;
    private final Path first;
    private final Path second;

    public DuplicateRevisionException(String id, Path first, Path second) {
        super("Revision id '" + id + "' is used by two files: " + first + " and " + second
                + ": give one of them a new Revision ID (and update the Revises lines that meant it)");
        this.id = id;
        this.first = first;
        this.second = second;
    }

    public String id() {
        return id;
    }

    /** The file that comes first in load order. */
    public Path first() {
        return first;
    }

    public Path second() {
        return second;
    }
}
