package dev.migrate.engine.schema;

import dev.migrate.engine.database.DatabaseSettings;
import dev.migrate.engine.database.MigrationListener;
import dev.migrate.engine.database.ScratchDatabase;
import dev.migrate.engine.database.ScratchDatabases;
import dev.migrate.engine.database.catalog.Catalog;
import dev.migrate.engine.database.catalog.CatalogReader;
import dev.migrate.engine.database.catalog.CatalogScope;
import dev.migrate.engine.diff.DiffOptions;
import dev.migrate.engine.diff.SchemaDiffer;
import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.scripts.RevisionScript;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the desired and head schemas on scratch databases and reads them back as catalogs. Each
 * scratch database is dropped as soon as its catalog is read, also when building it fails.
 */
public final class Schemas {
    private Schemas() {
    }

    /**
     * The desired schema: its statements applied in order to a new scratch database, then read.
     * Unqualified names land in {@code defaultSchema} first, as they do when revisions run.
     */
    public static Catalog desired(ScratchDatabases scratch, DesiredSchema schema, String defaultSchema, CatalogScope scope) {
        try (ScratchDatabase db = scratch.create("desired"); Connection c = db.connect()) {
            try (Statement st = c.createStatement()) {
                if (!DatabaseSettings.DEFAULT_SCHEMA.equals(defaultSchema)) {
                    String quoted = "\"" + defaultSchema.replace("\"", "\"\"") + "\"";
                    st.execute("CREATE SCHEMA IF NOT EXISTS " + quoted);
                    st.execute("SELECT pg_catalog.set_config('search_path', '" + quoted.replace("'", "''")
                            + ", ' || pg_catalog.current_setting('search_path'), false)");
                }
                for (DesiredSchema.DdlStatement s : schema.statements()) {
                    try {
                        st.execute(s.sql());
                    } catch (SQLException e) {
                        throw new DesiredSchemaException("The desired schema does not build: " + s.origin() + " fails"
                                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")") + ": "
                                + firstLine(e.getMessage()) + "\n  " + cut(s.sql())
                                + "\nFix the statement; the files of " + schema.description()
                                + " are applied in file-name order to an empty database.", e);
                    }
                }
            }
            return CatalogReader.read(c, scope);
        } catch (SQLException e) {
            throw new DesiredSchemaException("The scratch database for the desired schema failed: " + e.getMessage(), e);
        }
    }

    /**
     * The schema the revisions make: the plans {@code planners} give, in turn, from for an empty database run by the
     * ordinary migrator on a new scratch database, then read.
     *
     * @param like the environment's settings (schema, version and history tables, timeouts)
     */
    public static Catalog migrated(ScratchDatabases scratch, String purpose, Map<String, RevisionScript> scripts,
                                   java.util.List<Function<Set<String>, Plan>> planners, DatabaseSettings like,
                                   CatalogScope scope) {
        try (ScratchDatabase db = scratch.create(purpose)) {
            for (Function<Set<String>, Plan> planner : planners) {
                db.migrate(scripts, planner, like, MigrationListener.NONE);
            }
            try (Connection c = db.connect()) {
                return CatalogReader.read(c, scope);
            }
        } catch (SQLException e) {
            throw new dev.migrate.engine.database.DatabaseException("The scratch database for the " + purpose
                    + " schema failed: " + e.getMessage(), e);
        }
    }

    /**
     * What autogenerate and check compare: every user schema (Supabase-managed ones aside), without
     * the tool's own version and history tables.
     */
    public static CatalogScope scope(DatabaseSettings like) {
        return CatalogScope.of(java.util.List.of(), Set.of(like.schema() + "." + like.versionTable(),
                like.schema() + "." + like.historyTable()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String cut(String sql) {
        String s = sql.strip();
        return s.length() > 1000 ? s.substring(0, 1000) + " …" : s;
    }

    /** Two schemas ready to be compared: {@code head} and {@code desired}, settled when they differ. */
    public record Comparable(Catalog head, Catalog desired) {
    }

    /**
     * {@code head} and {@code desired} as they compare: when they differ, each is rebuilt once more
     * from its own rendered SQL on a new scratch database and read again. PostgreSQL prints some
     * definitions in a form that parses to a different tree (an {@code IN} list on a
     * {@code varchar} column becomes {@code = ANY ((ARRAY[...])::text[])}, which prints as
     * {@code = ANY (ARRAY[(...)::text, ...])} once applied), so a definition that went through SQL
     * once more on one side would show as a change forever. After one more round both sides are in
     * the printed form that stays the same; what still differs really does. When a rebuild fails the
     * schemas are compared as read.
     */
    public static Comparable comparable(ScratchDatabases scratch, Catalog head, Catalog desired, CatalogScope scope) {
        if (SchemaDiffer.compare(head, desired, DiffOptions.defaults()).isEmpty()) {
            return new Comparable(head, desired);
        }
        try {
            return new Comparable(settled(scratch, head, "settled_head", scope), settled(scratch, desired, "settled_desired", scope));
        } catch (SQLException | RuntimeException e) {
            return new Comparable(head, desired);
        }
    }

    private static Catalog settled(ScratchDatabases scratch, Catalog catalog, String purpose, CatalogScope scope)
            throws SQLException {
        try (ScratchDatabase db = scratch.create(purpose); Connection c = db.connect(); Statement st = c.createStatement()) {
            Catalog empty = CatalogReader.read(c, scope);
            List<String> statements = SchemaDiffer.compare(empty, catalog, DiffOptions.defaults()).upgradeStatements();
            for (String sql : statements) {
                st.execute(sql);
            }
            return CatalogReader.read(c, scope);
        }
    }
}
