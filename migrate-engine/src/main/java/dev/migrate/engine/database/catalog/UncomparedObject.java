package dev.migrate.engine.database.catalog;

import java.util.Objects;

/**
 * An object found in a compared schema (or, for database-wide kinds such as event triggers and
 * publications, in the database) that the catalog model does not cover, so the differ cannot
 * compare it. Listed rather than skipped in silence.
 *
 * @param kind   what it is, in PostgreSQL's words: {@code "event trigger"}, {@code "rule"}, ...
 * @param schema its schema, or {@code null} for a database-wide object
 * @param name   its name (a rule or statistics object is named {@code table.name})
 */
public record UncomparedObject(String kind, String schema, String name) {
    public UncomparedObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** {@code event trigger audit}, {@code rule public.users.protect}. */
    public String describe() {
        return kind + " " + (schema == null ? name : schema + "." + name);
    }
}
