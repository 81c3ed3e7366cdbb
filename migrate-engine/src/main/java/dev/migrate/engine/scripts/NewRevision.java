package dev.migrate.engine.scripts;

import dev.migrate.engine.graph.InvalidRevisionIdException;
import dev.migrate.engine.graph.Revision;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What the {@code revision} and {@code merge} goals write into a new revision file. The down
 * revisions are already resolved (from {@code --head}, {@code --splice} or the merged heads) by the
 * caller. A null message or SQL text counts as empty.
 */
public record NewRevision(
        String revId,
        String message,
        List<String> downRevisions,
        List<String> branchLabels,
        List<String> dependsOn,
        LocalDateTime createDate,
        String upgradeSql,
        String downgradeSql) {

    public NewRevision {
        if (!Revision.isValidId(revId)) {
            throw new InvalidRevisionIdException(String.valueOf(revId));
        }
        message = message == null ? "" : message;
        downRevisions = validIds(downRevisions);
        branchLabels = validIds(branchLabels);
        dependsOn = validIds(dependsOn);
        Objects.requireNonNull(createDate, "createDate");
        upgradeSql = upgradeSql == null ? "" : upgradeSql;
        downgradeSql = downgradeSql == null ? "" : downgradeSql;
    }

    /** A revision with no labels, no dependencies and no SQL yet. */
    public static NewRevision of(String revId, String message, List<String> downRevisions, LocalDateTime createDate) {
        return new NewRevision(revId, message, downRevisions, List.of(), List.of(), createDate, "", "");
    }

    private static List<String> validIds(List<String> ids) {
        List<String> copy = List.copyOf(ids);
        for (String id : copy) {
            if (!Revision.isValidId(id)) {
                throw new InvalidRevisionIdException(id);
            }
        }
        return copy;
    }

    /** The graph node this file will hold. */
    public Revision revision() {
        return new Revision(revId, downRevisions, dependsOn, new java.util.LinkedHashSet<>(branchLabels));
    }
}
