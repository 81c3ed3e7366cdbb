package dev.migrate.engine.graph;

import java.util.List;

/**
 * The revisions do not form a directed acyclic graph: a revision revises (or depends on) itself, or
 * several revisions revise (or depend on) each other in a circle.
 */
public final class CycleDetectedException extends GraphException {
    /** Whether the cycle goes through 'Revises:' lines only, or also through 'Depends On:'. */
    public enum Shape {
        SELF_LOOP("revises itself"), CYCLE("revise each other in a cycle"),
        DEPENDENCY_SELF_LOOP("depends on itself"), DEPENDENCY_CYCLE("depend on each other in a cycle");

        private final String words;

        Shape(String words) {
            this.words = words;
        }
    }

    private final Shape shape;
    private final List<String> revisions;

    public CycleDetectedException(Shape kind, List<String> revisions, String where) {
        super(message(kind, List.copyOf(revisions), where));
        this.shape = kind;
        this.revisions = List.copyOf(revisions);
    }

    private static String message(Shape kind, List<String> revisions, String where) {
        boolean one = kind == Shape.SELF_LOOP || kind == Shape.DEPENDENCY_SELF_LOOP;
        String header = kind == Shape.SELF_LOOP || kind == Shape.CYCLE ? "'Revises:'" : "'Depends On:'";
        return (one ? "Revision " + revisions.get(0) + (where == null ? "" : " (" + where + ")") + " " + kind.words
                : "Revisions " + String.join(", ", revisions) + " " + kind.words)
                + ". Fix the " + header + " line" + (one ? "" : "s") + " so that every revision comes after the ones it names.";
    }

    /** Which cycle: through {@code Revises:} or {@code Depends On:}, a loop of one revision or of several. */
    public Shape shape() {
        return shape;
    }

    public List<String> revisions() {
        return revisions;
    }
}
