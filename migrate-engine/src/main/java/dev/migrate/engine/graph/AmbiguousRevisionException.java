package dev.migrate.engine.graph;

import java.util.List;

/** A revision prefix matches several revisions. */
public final class AmbiguousRevisionException extends GraphException {
    private final String prefix;
    private final List<String> candidates;

    public AmbiguousRevisionException(String prefix, List<String> candidates) {
        super("Revision '" + prefix + "' is ambiguous; it matches " + candidates.size() + " revisions: "
                + String.join(", ", candidates.subList(0, Math.min(10, candidates.size())))
                + (candidates.size() > 10 ? ", ..." : "") + ". Give more characters.");
        this.prefix = prefix;
        this.candidates = List.copyOf(candidates);
    }

    public String prefix() {
        return prefix;
    }

    public List<String> candidates() {
        return candidates;
    }
}
