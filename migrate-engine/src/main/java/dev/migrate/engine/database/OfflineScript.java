package dev.migrate.engine.database;

import dev.migrate.engine.graph.Direction;
import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.graph.Step;
import dev.migrate.engine.graph.VersionChange;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.SqlStatement;

import java.util.List;
import java.util.Map;

/**
 * Renders a plan as the SQL script the online run would send ({@code migrate.sql=true}), without
 * connecting: the table creation at the top, then per revision a comment in Alembic's words,
 * {@code BEGIN;}, its statements, its version-table change and history row, {@code COMMIT;}. The
 * version-table and history statements come from {@link MigrationTables}, as online. History
 * rows record a duration of 0. A revision written in Java gets a comment block saying so in place of
 * its statements (its version change is still written).
 */
public final class OfflineScript {
    private OfflineScript() {
    }

    /** The script of an upgrade, downgrade or stamp plan. */
    public static String render(Plan plan, Map<String, RevisionScript> scripts, DatabaseSettings settings, TransactionMode mode) {
        List<RevisionScript> ordered = PlanExecutor.validate(plan, scripts, mode, settings.lockMode());
        MigrationTables tables = MigrationTables.of(settings);
        StringBuilder out = new StringBuilder();
        boolean publicSchema = DatabaseSettings.DEFAULT_SCHEMA.equals(settings.schema());
        for (String sql : tables.creation(new MigrationTables.TableState(publicSchema, false, false))) {
            statement(out, sql);
        }
        for (String sql : SessionSettings.statements(settings, false)) {
            statement(out, sql);
        }
        boolean all = mode == TransactionMode.ALL;
        if (all) {
            statement(out, "BEGIN");
        }
        for (int i = 0; i < ordered.size(); i++) {
            Step step = plan.steps().get(i);
            RevisionScript script = ordered.get(i);
            out.append("-- ").append(ProgressLines.header(step, script.message()).replace('\n', ' '));
            out.append(script.transactional() ? "" : " (not transactional)").append("\n\n");
            if (!all && script.transactional()) {
                statement(out, "BEGIN");
            }
            if (script.isJava()) {
                javaStep(out, step, script);
            }
            for (SqlStatement sql : step.direction() == Direction.UPGRADE ? script.upgrade() : script.downgrade()) {
                statement(out, sql.sql());
            }
            if (!all && !script.transactional()) {
                statement(out, "BEGIN");
            }
            for (VersionChange change : step.versionChanges()) {
                statement(out, tables.versionChange(change).inline());
            }
            statement(out, tables.historyInsert(PlanExecutor.historyEntry(step, script, 0, settings)).inline());
            if (!all) {
                statement(out, "COMMIT");
            }
        }
        if (!plan.stampChanges().isEmpty()) {
            if (!all) {
                statement(out, "BEGIN");
            }
            for (VersionChange change : plan.stampChanges()) {
                out.append("-- ").append(ProgressLines.stamp(change)).append("\n\n");
                statement(out, tables.versionChange(change).inline());
                statement(out, tables.historyInsert(PlanExecutor.stampEntry(change, scripts, settings)).inline());
            }
            if (!all) {
                statement(out, "COMMIT");
            }
        }
        if (all) {
            statement(out, "COMMIT");
        }
        return out.toString();
    }

    /** The comment block standing for a revision written in Java, whose code cannot be rendered as SQL. */
    private static void javaStep(StringBuilder out, Step step, RevisionScript script) {
        String className = script.java().orElseThrow().className();
        out.append("-- JAVA MIGRATION: revision ").append(script.id()).append(" is Java code (class ").append(className)
                .append(", method ").append(step.direction() == Direction.UPGRADE ? "upgrade" : "downgrade")
                .append("(Connection)) and cannot be rendered as SQL.\n")
                .append("-- Its changes are NOT in this script: run this revision online (migrate:")
                .append(step.direction() == Direction.UPGRADE ? "upgrade" : "downgrade")
                .append("), or apply them by hand here, before the version change below.\n\n");
    }

    /** Appends the statement and its semicolon, on a line of its own when the last line holds a comment. */
    private static void statement(StringBuilder out, String sql) {
        String text = sql.strip();
        int lastLine = text.lastIndexOf('\n') + 1;
        out.append(text).append(text.indexOf("--", lastLine) >= 0 ? "\n;" : ";").append("\n\n");
    }
}
