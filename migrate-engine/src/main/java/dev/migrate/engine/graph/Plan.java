package dev.migrate.engine.graph;

import java.util.List;
import java.util.Set;

/**
 * The ordered steps that move the database from {@code startHeads} to {@code endHeads}. A stamp
 * plan has no steps to run, only version changes ({@link #stampChanges}).
 */
public record Plan(Set<String> startHeads, Set<String> endHeads, List<Step> steps, List<VersionChange> stampChanges) {
    public Plan {
        startHeads = Set.copyOf(startHeads);
        endHeads = Set.copyOf(endHeads);
        steps = List.copyOf(steps);
        stampChanges = List.copyOf(stampChanges);
    }

    public static Plan of(Set<String> startHeads, Set<String> endHeads, List<Step> steps) {
        return new Plan(startHeads, endHeads, steps, List.of());
    }

    public boolean isEmpty() {
        return steps.isEmpty() && stampChanges.isEmpty();
    }
}
