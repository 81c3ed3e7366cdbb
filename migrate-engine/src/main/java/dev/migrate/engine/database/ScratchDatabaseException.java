package dev.migrate.engine.database;

/** A scratch database could not be created, reached or dropped. */
public final class ScratchDatabaseException extends DatabaseException {
    /** An error of the environment, not of the user's content. */
    @Override
    public Kind kind() {
        return Kind.ENVIRONMENT;
    }

    private final String database;

    public ScratchDatabaseException(String database, String server, String problem, Throwable cause) {
        super("Scratch database " + database + (server == null || server.isEmpty() ? "" : " on " + server) + " " + problem + ".",
                cause);
        this.database = database;
    }

    /** The name of the scratch database. */
    public String database() {
        return database;
    }
}
