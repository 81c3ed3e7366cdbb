package dev.migrate.engine.scripts;

import dev.migrate.engine.MigrateException;

import java.util.List;

/**
 * Several problems found while loading the version directories, all reported at once so that one
 * run shows every file to fix. A single problem is thrown as itself instead.
 */
public final class InvalidRevisionFilesException extends MigrateException {
    private final List<MigrateException> problems;

    public InvalidRevisionFilesException(List<MigrateException> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
        problems.forEach(this::addSuppressed);
    }

    private static String message(List<MigrateException> problems) {
        StringBuilder sb = new StringBuilder().append(problems.size()).append(" problems in revision files:");
        for (MigrateException problem : problems) {
            sb.append("\n  ").append(problem.getMessage());
        }
        return sb.toString();
    }

    /**
     * Each problem, in load order: {@link MalformedRevisionFileException}s, {@link UnreadableRevisionFileException}s and
     * {@link dev.migrate.engine.graph.DuplicateRevisionException}s.
     */
    public List<MigrateException> problems() {
        return problems;
    }
}
