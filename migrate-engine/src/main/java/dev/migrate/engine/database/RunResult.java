package dev.migrate.engine.database;

import dev.migrate.engine.graph.VersionChange;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a run did: the heads before (as read under the lock) and after, the steps applied (empty
 * when there was nothing to do, for example after another run did it), the stamp changes written,
 * and the time spent waiting for the lock and in total.
 */
public record RunResult(Set<String> startHeads, Set<String> endHeads, List<AppliedStep> steps,
                        List<VersionChange> stamped, Duration lockWait, Duration total) {
    public RunResult {
        startHeads = Set.copyOf(startHeads);
        endHeads = Set.copyOf(endHeads);
        steps = List.copyOf(steps);
        stamped = List.copyOf(stamped);
    }

    public boolean nothingToDo() {
        return steps.isEmpty() && stamped.isEmpty();
    }
}
