package dev.migrate.engine.graph;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One node of the revision graph: its id, its down revisions (version parents), the revisions
 * it depends on without being their child, and its branch labels. Knows nothing of files.
 */
public record Revision(String id, List<String> downRevisions, List<String> dependsOn, Set<String> branchLabels) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]+");

    public Revision {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new InvalidRevisionIdException(id);
        }
        downRevisions = List.copyOf(downRevisions);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = Set.copyOf(branchLabels);
    }

    public static Revision of(String id, String... downRevisions) {
        return new Revision(id, List.of(downRevisions), List.of(), Set.of());
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public boolean isBase() {
        return downRevisions.isEmpty();
    }

    public boolean isMergePoint() {
        return downRevisions.size() > 1;
    }
}
