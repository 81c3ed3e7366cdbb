package dev.migrate.engine.database;

/** The connection running the migrations broke (server restart, terminated backend, network). */
public final class DatabaseConnectionLostException extends DatabaseException {
    /** An error of the environment, not of the user's content. */
    @Override
    public Kind kind() {
        return Kind.ENVIRONMENT;
    }

    private final String revision;

    DatabaseConnectionLostException(String revision, String what, Throwable cause) {
        super("The connection to the database was lost at revision " + revision + " " + what + ". Cause: "
                + cause.getMessage(), cause);
        this.revision = revision;
    }

    public String revision() {
        return revision;
    }
}
