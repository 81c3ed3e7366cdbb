package dev.migrate.engine;

import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.graph.Step;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The range of a release script, {@code current:to}: the lower end is where the database is, read
 * from its version table; the upper end is any upgrade target ({@code heads} when left out).
 */
final class ReleaseScript {
    static final String CURRENT = "current";

    private ReleaseScript() {
    }

    /** The upper end of {@code current:to} ({@code heads} for {@code current:}), or empty for any other range. */
    static Optional<String> upperEnd(String range) {
        int colon = range.indexOf(':');
        if (colon < 0 || !CURRENT.equals(range.substring(0, colon).strip())) {
            return Optional.empty();
        }
        String to = range.substring(colon + 1).strip();
        return Optional.of(to.isEmpty() ? "heads" : to);
    }

    /** {@code Release script for environment prod from 002 to 004: 003, 004.} */
    static String describe(String environment, Set<String> current, Plan plan) {
        String from = current.isEmpty() ? "base" : String.join(", ", new TreeSet<>(current));
        String to = plan.endHeads().isEmpty() ? "base" : String.join(", ", new TreeSet<>(plan.endHeads()));
        String steps = plan.steps().isEmpty() ? "nothing to upgrade"
                : plan.steps().stream().map(Step::revision).map(r -> r.id()).collect(Collectors.joining(", "));
        return "Release script for environment " + environment + " from " + from + " (read from the database) to "
                + to + ": " + steps + ".";
    }
}
