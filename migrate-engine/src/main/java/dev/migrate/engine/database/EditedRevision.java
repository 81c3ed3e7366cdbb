package dev.migrate.engine.database;

import java.nio.file.Path;

/** An applied revision whose file no longer has the checksum recorded when it was applied. */
public record EditedRevision(String revision, Path file, String appliedChecksum, String currentChecksum) {
}
