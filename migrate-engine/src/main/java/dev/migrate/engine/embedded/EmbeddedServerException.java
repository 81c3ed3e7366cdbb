package dev.migrate.engine.embedded;

import dev.migrate.engine.MigrateException;

import java.nio.file.Path;

/** The embedded PostgreSQL could not be started or joined. */
public final class EmbeddedServerException extends MigrateException {
    /** An error of the environment, not of the user's content. */
    @Override
    public Kind kind() {
        return Kind.ENVIRONMENT;
    }

    private final Path dataDirectory;

    EmbeddedServerException(Path dataDirectory, String problem, Throwable cause) {
        super("Cannot start the embedded PostgreSQL with data in " + dataDirectory + ": " + problem
                + ". Delete that directory to start from an empty database, or set a url for this environment.", cause);
        this.dataDirectory = dataDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }
}
