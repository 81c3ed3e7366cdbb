package dev.migrate.engine.graph;

/** Which way a step moves through the graph. */
public enum Direction {
    UPGRADE, DOWNGRADE;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
