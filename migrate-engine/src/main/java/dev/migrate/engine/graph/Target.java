package dev.migrate.engine.graph;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One target in Alembic's syntax, parsed once: {@code [branch@][symbol][+N|-N]}. The symbol is
 * {@code heads}, {@code head}, {@code base}, a revision id, a unique prefix or a branch label
 * ({@code current} too, in history ranges); {@code branch} is a label or revision naming a line
 * of descent; {@code steps} makes it relative. Written as {@code text}, which messages quote.
 * Resolving it against a graph is {@link RevisionMap}'s and {@link Planner}'s business.
 */
public record Target(String text, Optional<String> branch, Optional<String> symbol, OptionalInt steps) {
    public Target {
        if (symbol.isEmpty() && steps.isEmpty()) {
            throw new IllegalArgumentException("a target needs a symbol or steps: " + text);
        }
    }

    /** Parses one target; a range {@code from:to} is refused with {@link RangeNotAllowedException}. */
    public static Target parse(String text) {
        return TargetParser.target(text);
    }

    /** {@code +N}, {@code -N}, {@code rev+N}, {@code label@-N}, ... */
    public boolean isRelative() {
        return steps.isPresent();
    }

    /** Whether this is the plain symbol {@code name} ({@code heads}, {@code base}, ...) with no branch or steps. */
    public boolean is(String name) {
        return branch.isEmpty() && steps.isEmpty() && symbol.filter(name::equals).isPresent();
    }

    /** {@code -N} or {@code label@-N}: a walk down from the current heads. */
    boolean walksDownFromCurrent() {
        return symbol.isEmpty() && steps.getAsInt() < 0;
    }

    /** The relative part as written, {@code +2} or {@code -1}. */
    String stepsText() {
        int n = steps.orElse(0);
        return n >= 0 ? "+" + n : Integer.toString(n);
    }

    String branchOrNull() {
        return branch.orElse(null);
    }

    String symbolOrNull() {
        return symbol.orElse(null);
    }

    @Override
    public String toString() {
        return text;
    }
}
