package dev.migrate.engine.graph;

import java.util.List;

/**
 * One revision run in one direction, with the version-table changes that go with it in the same
 * transaction.
 */
public record Step(Revision revision, Direction direction, List<VersionChange> versionChanges) {
    public Step {
        versionChanges = List.copyOf(versionChanges);
    }

    /**
     * Alembic's log form: {@code 6f815ac9ca51 -> 3f2a9c1d8e7b} for an upgrade, the reverse for a
     * downgrade; a merge point lists its parents ({@code a, b -> c}), a base has none ({@code  -> a}).
     */
    public String arrow() {
        String parents = String.join(", ", revision.downRevisions());
        return direction == Direction.UPGRADE ? parents + " -> " + revision.id() : revision.id() + " -> " + parents;
    }
}
