package dev.migrate.engine.verify;

import dev.migrate.engine.scripts.SqlSplitter;
import dev.migrate.engine.scripts.SqlStatement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The desired schema as declarative SQL files ({@code src/main/schema/*.sql}, applied in file-name
 * order), which {@code verify} compares with the schema the revisions end in.
 *
 * @param folder the folder, as messages name it
 * @param files  each file with its statements, in the order they are applied
 */
public record DesiredSchema(Path folder, List<File> files) {
    /** Where the desired schema is looked for, under the project. */
    public static final String DEFAULT_FOLDER = "src/main/schema";

    /** One file of the desired schema and its statements, each with its line. */
    public record File(Path path, List<SqlStatement> statements) {
        public File {
            statements = List.copyOf(statements);
        }
    }

    public DesiredSchema {
        files = List.copyOf(files);
    }

    /** The SQL files of {@link #DEFAULT_FOLDER} under {@code baseDirectory}; none when the folder has none. */
    public static Optional<DesiredSchema> locate(Path baseDirectory) {
        Path folder = baseDirectory.resolve(DEFAULT_FOLDER);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        List<File> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path path : list.filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p))
                    .sorted().toList()) {
                files.add(new File(path, SqlSplitter.split(Files.readString(path), 1)));
            }
        } catch (IOException e) {
            throw new DesiredSchemaException(folder, "cannot be read: " + e.getMessage(), e);
        }
        return files.isEmpty() ? Optional.empty() : Optional.of(new DesiredSchema(folder, files));
    }
}
