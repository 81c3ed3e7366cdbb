package dev.migrate.engine.verify;

import dev.migrate.engine.Advice;
import dev.migrate.engine.scripts.SqlSplitter;
import dev.migrate.engine.scripts.SqlStatement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Rows for {@code verify} to load into the scratch database after one revision, so that the
 * revisions after it (and their downgrades) meet existing data: {@code src/main/migrations/seed.sql},
 * or the file {@code migrate.seed} names.
 *
 * @param file       the file, as messages name it
 * @param statements its statements, split as revision files are, each with its line
 */
public record Seed(Path file, List<SqlStatement> statements) {
    /** Where the seed is looked for when {@code migrate.seed} is not set, under the project. */
    public static final String DEFAULT_FILE = "src/main/migrations/seed.sql";

    public Seed {
        statements = List.copyOf(statements);
    }

    /**
     * The seed of a project: {@code configured} (relative to {@code baseDirectory}) when given, which
     * must exist; else {@link #DEFAULT_FILE} when it exists; else none.
     */
    public static Optional<Seed> locate(Path baseDirectory, String configured) {
        if (configured != null && !configured.isBlank()) {
            Path file = baseDirectory.resolve(configured.trim());
            if (!Files.isRegularFile(file)) {
                throw new SeedException(file, "does not exist. Point " + Advice.setting("seed") + " at a SQL file of INSERT statements,"
                        + " or leave it unset to use " + DEFAULT_FILE + " when there is one");
            }
            return Optional.of(read(file));
        }
        Path file = baseDirectory.resolve(DEFAULT_FILE);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    public static Seed read(Path file) {
        try {
            return new Seed(file, SqlSplitter.split(Files.readString(file), 1));
        } catch (IOException e) {
            throw new SeedException(file, "cannot be read: " + e.getMessage(), e);
        }
    }
}
