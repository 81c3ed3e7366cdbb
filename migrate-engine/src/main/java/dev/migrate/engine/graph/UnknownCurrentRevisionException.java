package dev.migrate.engine.graph;

/** The database's version table names a revision that no revision file defines. */
public final class UnknownCurrentRevisionException extends GraphException {
    private final String revision;

    public UnknownCurrentRevisionException(String revision) {
        super("The database is at revision " + revision + ", which no revision file defines. "
                + "Restore the missing revision file, or reset the version table with stamp and purge.");
        this.revision = revision;
    }

    public String revision() {
        return revision;
    }
}
