package dev.migrate.engine.graph;

/** A revision revises, or depends on, a revision (or branch label) that no revision defines. */
public final class MissingRevisionException extends GraphException {
    /** Which header names the missing revision. */
    public enum Reference {
        REVISES("revises", "Revises:"), DEPENDS_ON("depends on", "Depends On:");

        private final String verb;
        private final String header;

        Reference(String verb, String header) {
            this.verb = verb;
            this.header = header;
        }

        public String header() {
            return header;
        }
    }

    private final String revision;
    private final String origin;
    private final String missing;
    private final Reference reference;

    public MissingRevisionException(String revision, String origin, String missing, Reference reference) {
        super("Revision " + revision + (origin == null ? "" : " (" + origin + ")") + " " + reference.verb + " " + missing
                + ", which no revision file defines. Fix the '" + reference.header
                + "' line or restore the missing file.");
        this.revision = revision;
        this.origin = origin;
        this.missing = missing;
        this.reference = reference;
    }

    public String revision() {
        return revision;
    }

    public String origin() {
        return origin;
    }

    public String missing() {
        return missing;
    }

    public Reference reference() {
        return reference;
    }
}
