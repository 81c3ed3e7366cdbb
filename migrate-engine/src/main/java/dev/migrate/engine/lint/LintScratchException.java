package dev.migrate.engine.lint;

import dev.migrate.engine.MigrateException;

import java.sql.SQLException;

/** The scratch database lint measures on failed outside the revisions' own statements. */
public final class LintScratchException extends MigrateException {
    /** An error of the environment, not of the user's content. */
    @Override
    public Kind kind() {
        return Kind.ENVIRONMENT;
    }

    private final String sqlState;

    LintScratchException(SQLException cause) {
        super("lint could not measure on its scratch database: SQLSTATE " + cause.getSQLState() + ": "
                + String.valueOf(cause.getMessage()).lines().findFirst().orElse("")
                + ". Check that the scratch server (the embedded one by default) is running and that its user may create databases.", cause);
        this.sqlState = cause.getSQLState();
    }

    public String sqlState() {
        return sqlState;
    }
}
