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

    /** Alembic's log form: {@code 6f815ac9ca51 -> 3f2a9c1d8e7b} (a merge lists its parents). */
    public String arrow() {
        String parents = revision.downRevisions().isEmpty() ? "" : String.join(", ", revision.downRevisions());
        return direction == Direction.UPGRADE
                ? (parents.isEmpty() ? "" : parents + " ") + "-> " + revision.id()
                : revision.id() + " ->" + (parents.isEmpty() ? "" : " " + parents);
    }
}
