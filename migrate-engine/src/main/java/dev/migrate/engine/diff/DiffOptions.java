package dev.migrate.engine.diff;

/**
 * How {@link SchemaDiffer} renders its SQL.
 *
 * @param concurrentIndexes new indexes on tables that already exist are written as
 *                          {@code CREATE INDEX CONCURRENTLY} (and dropped {@code CONCURRENTLY}), which
 *                          cannot run inside a transaction: see {@link SchemaDiff#upgradeNeedsNoTransaction()}
 */
public record DiffOptions(boolean concurrentIndexes) {
    public static DiffOptions defaults() {
        return new DiffOptions(false);
    }
}
