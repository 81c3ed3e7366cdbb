package dev.migrate.engine.database.catalog;

import dev.migrate.engine.MigrateException;

/** Reading the catalog of a database failed; carries the query that failed (by what it reads). */
public class CatalogReadException extends MigrateException {
    /** An error of the environment, not of the user's content. */
    @Override
    public Kind kind() {
        return Kind.ENVIRONMENT;
    }

    private final String reading;

    public CatalogReadException(String reading, Throwable cause) {
        super("Could not read the " + reading + " of the database's catalog: " + cause.getMessage()
                + ". The catalog is read on PostgreSQL 13 to 17 by a user that may read pg_catalog; check the"
                + " server version and the connection.", cause);
        this.reading = reading;
    }

    /** What was being read: {@code tables}, {@code indexes}, ... */
    public String reading() {
        return reading;
    }
}
