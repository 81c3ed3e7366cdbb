package dev.migrate.engine.diff;

import dev.migrate.engine.database.catalog.UncomparedObject;

import java.util.List;

/**
 * The differences between two catalogs and the SQL that takes the first to the second
 * ({@link #upgradeStatements()}) and back ({@link #downgradeStatements()}), both rendered from the same
 * changes. Immutable.
 *
 * @param detectedLines      Alembic-style lines: {@code Detected added table 'public.payments'}
 * @param warnings           data loss, possible renames, steps that cannot be undone in place
 * @param upgrade            the upgrade steps in order
 * @param downgrade          the downgrade steps in order
 * @param differencesInWords sentences from the point of view "the first catalog is expected, the
 *                           second is what was found": {@code index public.idx_x is left behind}
 * @param uncompared         objects of either side that the model does not cover
 */
public record SchemaDiff(List<String> detectedLines, List<String> warnings, List<Step> upgrade, List<Step> downgrade,
                         List<String> differencesInWords, List<UncomparedObject> uncompared) {

    /** One statement with the comment lines written above it; {@code dataLoss} marks destructive steps. */
    public record Step(String sql, List<String> comments, boolean dataLoss) {
        public Step {
            comments = List.copyOf(comments);
        }
    }

    public SchemaDiff {
        detectedLines = List.copyOf(detectedLines);
        warnings = List.copyOf(warnings);
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
        differencesInWords = List.copyOf(differencesInWords);
        uncompared = List.copyOf(uncompared);
    }

    /** True when the two catalogs are the same (objects not compared aside). */
    public boolean isEmpty() {
        return upgrade.isEmpty() && downgrade.isEmpty() && detectedLines.isEmpty();
    }

    /** Each upgrade statement, complete, without a trailing semicolon or newline. */
    public List<String> upgradeStatements() {
        return upgrade.stream().map(Step::sql).toList();
    }

    /** Each downgrade statement, complete, without a trailing semicolon or newline. */
    public List<String> downgradeStatements() {
        return downgrade.stream().map(Step::sql).toList();
    }

    /** The upgrade as a script: statements ending in {@code ;}, destructive ones under {@code -- WARNING: data loss}. */
    public String upgradeSql() {
        return render(upgrade);
    }

    public String downgradeSql() {
        return render(downgrade);
    }

    /** True when the upgrade holds a statement that cannot run in a transaction ({@code CREATE INDEX CONCURRENTLY}). */
    public boolean upgradeNeedsNoTransaction() {
        return upgrade.stream().anyMatch(s -> s.sql().contains(" CONCURRENTLY "));
    }

    /** True when the downgrade holds a statement that cannot run in a transaction ({@code DROP INDEX CONCURRENTLY}). */
    public boolean downgradeNeedsNoTransaction() {
        return downgrade.stream().anyMatch(s -> s.sql().contains(" CONCURRENTLY "));
    }

    private static String render(List<Step> steps) {
        StringBuilder out = new StringBuilder();
        for (Step step : steps) {
            if (step.dataLoss()) {
                out.append("-- WARNING: data loss\n");
            }
            for (String comment : step.comments()) {
                out.append("-- ").append(comment).append('\n');
            }
            out.append(step.sql()).append(";\n");
        }
        return out.toString();
    }
}
