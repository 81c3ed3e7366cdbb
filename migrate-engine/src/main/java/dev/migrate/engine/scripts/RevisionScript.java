package dev.migrate.engine.scripts;

import dev.migrate.engine.graph.Revision;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A revision as read from its file: the graph node plus what is needed to run and report it.
 * {@code upgrade} and {@code downgrade} are already split into statements, each with its line in
 * the file. An empty downgrade after a non-empty upgrade means the revision is irreversible. For a
 * revision whose header came from {@link RevisionCache}, the statements are read from the file on
 * first use.
 */
public record RevisionScript(
        Revision revision,
        String message,
        Path file,
        Optional<String> createDate,
        boolean transactional,
        List<SqlStatement> upgrade,
        List<SqlStatement> downgrade,
        String checksum) {

    public RevisionScript {
        upgrade = upgrade instanceof LazyStatements ? upgrade : List.copyOf(upgrade);
        downgrade = downgrade instanceof LazyStatements ? downgrade : List.copyOf(downgrade);
    }

    public String id() {
        return revision.id();
    }

    /**
     * Whether a downgrade can run through this revision: it has downgrade statements, or its upgrade
     * has none (a merge point or an empty revision has nothing to undo).
     */
    public boolean reversible() {
        return !downgrade.isEmpty() || upgrade.isEmpty();
    }
}
