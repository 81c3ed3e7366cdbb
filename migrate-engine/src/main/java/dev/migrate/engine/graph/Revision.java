package dev.migrate.engine.graph;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One node of the revision graph: its id, its down revisions (version parents), the revisions
 * it depends on without being their child, and its branch labels. Knows nothing of files.
 */
public record Revision(String id, List<String> downRevisions, List<String> dependsOn, Set<String> branchLabels) {
    public Revision {
        Objects.requireNonNull(id, "id");
        if (!isValidId(id)) {
            throw new InvalidRevisionIdException(id);
        }
        downRevisions = List.copyOf(downRevisions);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = Set.copyOf(branchLabels);
    }

    public static Revision of(String id, String... downRevisions) {
        return new Revision(id, List.of(downRevisions), List.of(), Set.of());
    }

    /** Letters and digits of ASCII and underscores, at least one. */
    public static boolean isValidId(String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    public boolean isBase() {
        return downRevisions.isEmpty();
    }

    public boolean isMergePoint() {
        return downRevisions.size() > 1;
    }
}
