package dev.migrate.engine;

import java.util.Arrays;
import java.util.List;

/**
 * A new revision to write ({@code alembic revision}).
 *
 * @param head         what to build on: {@code head}, {@code base}, a revision or {@code label@head}
 * @param splice       allow {@code head} to be a revision that is not a head (starts a branch)
 * @param versionPath  folder for the file; null for the first version path
 */
public record RevisionRequest(String message, String head, List<String> branchLabels, List<String> dependsOn,
                              String revId, boolean splice, String versionPath) {
    public RevisionRequest {
        dev.migrate.engine.scripts.RevisionAuthor.requireMessage(message);
        head = head == null || head.isBlank() ? "head" : head;
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }

    /** Splits a comma-separated property into its trimmed, non-empty parts. */
    public static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
