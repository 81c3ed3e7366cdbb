package dev.migrate.engine.database;

import dev.migrate.engine.graph.Direction;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The code of a revision written in Java failed: its {@code upgrade} or {@code downgrade} threw, or
 * its constructor did. Names the revision and the class, says what the code threw (with the
 * SQLSTATE when it was a database error) and what happened to the run.
 */
public final class JavaMigrationFailedException extends DatabaseException {
    private final String revision;
    private final Direction direction;
    private final String className;
    private final String sqlState;

    JavaMigrationFailedException(String revision, Direction direction, String className, Path classFile,
                                 Throwable thrown, String outcome) {
        super("Revision " + revision + " (Java class " + className + ", " + classFile + ") failed during "
                + direction.word() + ": " + describe(thrown) + "\n" + outcome, thrown);
        this.revision = revision;
        this.direction = direction;
        this.className = className;
        this.sqlState = sqlState(thrown);
    }

    public String revision() {
        return revision;
    }

    public Direction direction() {
        return direction;
    }

    /** The binary name of the class that failed. */
    public String className() {
        return className;
    }

    /** The SQLSTATE when the code failed with a database error. */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    private static String sqlState(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && e.getSQLState() != null) {
                return e.getSQLState();
            }
        }
        return null;
    }

    private static String describe(Throwable thrown) {
        String state = sqlState(thrown);
        String text = thrown.getClass().getName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
        return (state == null ? "" : "SQLSTATE " + state + ": ") + text;
    }
}
