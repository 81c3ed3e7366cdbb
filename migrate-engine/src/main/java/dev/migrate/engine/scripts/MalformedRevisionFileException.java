package dev.migrate.engine.scripts;

import dev.migrate.engine.MigrateException;

import java.nio.file.Path;

/**
 * A revision file that cannot be read as one: its message is {@code file:line: problem: fix}.
 */
public final class MalformedRevisionFileException extends MigrateException {
    private final Path file;
    private final int line;
    private final String problem;

    public MalformedRevisionFileException(Path file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line the problem is on. */
    public int line() {
        return line;
    }

    /** The message without the file and line. */
    public String problem() {
        return problem;
    }
}
