package dev.migrate.engine.graph;

import dev.migrate.engine.MigrateException;

/** Root of the errors about the revision graph and the targets resolved against it. */
public class GraphException extends MigrateException {
    public GraphException(String message) {
        super(message);
    }
}
