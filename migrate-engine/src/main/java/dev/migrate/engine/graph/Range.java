package dev.migrate.engine.graph;

import java.util.Optional;

/**
 * A range {@code from:to} for offline SQL and history, parsed once; either end may be left out
 * ({@code :to}, {@code from:}), meaning base and heads for an upgrade, the heads and base for a
 * downgrade (where {@code from} is required), and base and heads for history.
 */
public record Range(String text, Optional<Target> from, Optional<Target> to) {
    /** Parses {@code from:to}, {@code :to} or {@code from:}; the colon is required. */
    public static Range parse(String text) {
        return TargetParser.range(text);
    }

    /**
     * A range, or a lone target read as {@code :target}: an offline script starts at base unless
     * told where the database is.
     */
    public static Range parseOffline(String text) {
        return TargetParser.rangeOrTarget(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
