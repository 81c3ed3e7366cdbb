package dev.migrate.engine.schema;

import dev.migrate.engine.scripts.SqlSplitter;
import dev.migrate.engine.scripts.SqlStatement;
import dev.migrate.engine.scripts.UnterminatedSqlException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The desired schema as declarative PostgreSQL DDL in {@code src/main/schema/*.sql}, applied in
 * file-name order (so {@code 01_types.sql} before {@code 02_tables.sql}).
 */
public final class SqlFilesSchema implements DesiredSchema {
    private final Path directory;
    private final String shownDirectory;
    private final List<Path> files;

    private SqlFilesSchema(Path directory, String shownDirectory, List<Path> files) {
        this.directory = directory;
        this.shownDirectory = shownDirectory;
        this.files = List.copyOf(files);
    }

    /**
     * The {@code *.sql} files of {@code directory}, or empty when it does not exist or holds none.
     *
     * @param shownAs how to name the folder in messages, e.g. {@code src/main/schema}
     */
    public static Optional<SqlFilesSchema> find(Path directory, String shownAs) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new DesiredSchemaException("The desired schema folder " + shownAs + " cannot be read: " + e.getMessage()
                    + ". Check its permissions.", e);
        }
        return files.isEmpty() ? Optional.empty() : Optional.of(new SqlFilesSchema(directory, shownAs, files));
    }

    public List<Path> files() {
        return files;
    }

    @Override
    public String description() {
        return shownDirectory + " (" + files.size() + (files.size() == 1 ? " file)" : " files)");
    }

    @Override
    public List<DdlStatement> statements() {
        List<DdlStatement> statements = new ArrayList<>();
        for (Path file : files) {
            String shown = shownDirectory + "/" + directory.relativize(file);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            } catch (CharacterCodingException e) {
                throw new DesiredSchemaException("Desired schema file " + shown + " is not UTF-8 text: save it as UTF-8.", e);
            } catch (IOException e) {
                throw new DesiredSchemaException("Desired schema file " + shown + " cannot be read: " + e.getMessage() + ".", e);
            }
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            List<SqlStatement> split;
            try {
                split = SqlSplitter.split(text, 1);
            } catch (UnterminatedSqlException e) {
                throw new DesiredSchemaException("Desired schema file " + shown + ": "
                        + e.getMessage(), e);
            }
            for (SqlStatement s : split) {
                statements.add(new DdlStatement(s.sql(), shown + " line " + s.line()));
            }
        }
        return List.copyOf(statements);
    }

    @Override
    public String toString() {
        return description();
    }
}
