package dev.migrate.engine.database;

import dev.migrate.engine.graph.Direction;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A statement of a revision failed. Carries the revision, its file and the line of the failing
 * statement, the SQLSTATE and message from the database, the statement (cut to about 1 KB), and
 * what happened to the run: rolled back, and the heads the version table is left at.
 */
public final class MigrationFailedException extends DatabaseException {
    static final int STATEMENT_LIMIT = 1024;

    private final String revision;
    private final Direction direction;
    private final Path file;
    private final int line;
    private final String sqlState;
    private final String databaseMessage;
    private final String statement;

    MigrationFailedException(String revision, Direction direction, Path file, int line, String sqlState,
                             String databaseMessage, String statement, String outcome, Throwable cause) {
        super("Revision " + revision + " failed during " + direction.word() + " at " + file + ", line " + line
                + ": " + (sqlState == null ? "" : "SQLSTATE " + sqlState + ": ") + databaseMessage + "\n"
                + "Statement: " + cut(statement) + "\n" + outcome, quiet(cause, databaseMessage, sqlState));
        this.revision = revision;
        this.direction = direction;
        this.file = file;
        this.line = line;
        this.sqlState = sqlState;
        this.databaseMessage = databaseMessage;
        this.statement = cut(statement);
    }

    public String revision() {
        return revision;
    }

    public Direction direction() {
        return direction;
    }

    public Path file() {
        return file;
    }

    /** The line in {@link #file()} of the failing statement (of the error position within it, when known). */
    public int line() {
        return line;
    }

    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    public String databaseMessage() {
        return databaseMessage;
    }

    /** The failing statement, cut to about 1 KB. */
    public String statement() {
        return statement;
    }

    /**
     * The driver's exception behind a stand-in whose message is the database message already in
     * ours: build tools print every cause's message that the first does not contain, which would
     * show the error a second time in the driver's words. The original stays attached (suppressed).
     */
    private static Throwable quiet(Throwable cause, String databaseMessage, String sqlState) {
        if (!(cause instanceof java.sql.SQLException)) {
            return cause;
        }
        java.sql.SQLException standIn = new java.sql.SQLException(databaseMessage, sqlState);
        standIn.setStackTrace(cause.getStackTrace());
        standIn.addSuppressed(cause);
        return standIn;
    }

    static String cut(String sql) {
        if (sql.length() <= STATEMENT_LIMIT) {
            return sql;
        }
        return sql.substring(0, STATEMENT_LIMIT) + " ... (" + (sql.length() - STATEMENT_LIMIT) + " more characters)";
    }
}
