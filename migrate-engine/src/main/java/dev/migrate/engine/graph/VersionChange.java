package dev.migrate.engine.graph;

/**
 * One change to the version table (one row per current head), as Alembic's HeadMaintainer makes
 * them. Every UPDATE and DELETE must match exactly one row.
 */
public sealed interface VersionChange {
    record Insert(String version) implements VersionChange {
    }

    record Update(String from, String to) implements VersionChange {
    }

    record Delete(String version) implements VersionChange {
    }
}
