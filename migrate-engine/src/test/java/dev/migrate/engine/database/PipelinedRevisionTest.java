package dev.migrate.engine.database;

import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.testing.Revisions;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A transactional revision travels as one simple query with its bookkeeping: which statement
 * failed is still known exactly, also in a revision long enough to take several round trips, and a
 * statement's rows, notices and {@code SET} change nothing of that.
 */
@ExtendWith(TestDatabaseExtension.class)
class PipelinedRevisionTest {
    static Migrator migrator(TestDatabase db) {
        return Migrator.connect(DatabaseSettings.of(db.jdbcUrl(), db.properties()));
    }

    /** {@code count} inserts into {@code t}, one per line after the first, the one at {@code failAt} (1-based) failing. */
    static String inserts(int count, int failAt) {
        StringBuilder sql = new StringBuilder("CREATE TABLE t (id int PRIMARY KEY);\n");
        for (int i = 1; i <= count; i++) {
            sql.append(i == failAt ? "INSERT INTO t VALUES (1);\n" : "INSERT INTO t VALUES (" + i + ");\n");
        }
        return sql.toString();
    }

    @Test
    void aFailureInALaterRoundTripOfALongRevisionNamesItsLineAndRollsBackAll(TestDatabase db) {
        int count = PlanExecutor.PIPELINE_STATEMENTS * 2 + 500;
        int failAt = PlanExecutor.PIPELINE_STATEMENTS * 2 + 300;
        RevisionScript a = Revisions.script("aaaa00000001", null, "long", inserts(count, failAt), "DROP TABLE t;");
        MigrationFailedException e;
        try (Migrator migrator = migrator(db)) {
            e = assertThrows(MigrationFailedException.class, () -> migrator.migrate(Revisions.byId(a),
                    heads -> Revisions.upgrade(List.of(a), heads, "aaaa00000001"), RunOptions.defaults(), MigrationListener.NONE));
        }
        assertEquals(Optional.of("23505"), e.sqlState());
        assertEquals("INSERT INTO t VALUES (1)", e.statement());
        int firstLine = Revisions.script("aaaa00000001", null, "long", "SELECT 1;", "SELECT 1;").upgrade().get(0).line();
        assertEquals(firstLine + failAt, e.line(), e.getMessage());
        assertTrue(e.getMessage().endsWith("The revision was rolled back; the version table is still at base."), e.getMessage());
        assertFalse(db.tableExists("public", "t"));
        assertEquals(List.of(), db.query("SELECT version_num FROM migrate_version"));
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM migrate_history"));
    }

    @Test
    void aLongRevisionWithRowsNoticesAndSettingsIsAppliedWhole(TestDatabase db) {
        String sql = inserts(PlanExecutor.PIPELINE_STATEMENTS + 10, 0)
                + "SELECT id FROM t ORDER BY id;\n"
                + "DO $$ BEGIN RAISE NOTICE 'hello'; END $$;\n"
                + "SET search_path TO pg_catalog;\n"
                + "SELECT pg_catalog.set_config('application_name', 'changed', false);\n";
        RevisionScript a = Revisions.script("aaaa00000001", null, "long", sql, "DROP TABLE t;");
        RevisionScript b = Revisions.script("bbbb00000002", "aaaa00000001", "after", "CREATE TABLE u (id int);", "DROP TABLE u;");
        try (Migrator migrator = migrator(db)) {
            migrator.migrate(Revisions.byId(a, b), heads -> Revisions.upgrade(List.of(a, b), heads, "bbbb00000002"),
                    RunOptions.defaults(), MigrationListener.NONE);
        }
        assertEquals(List.of(String.valueOf(PlanExecutor.PIPELINE_STATEMENTS + 10)), db.query("SELECT count(*) FROM t"));
        assertTrue(db.tableExists("public", "u"), "the next revision ran with the run's search_path, not the one SET");
        assertEquals(List.of("bbbb00000002"), db.query("SELECT version_num FROM migrate_version"));
        assertEquals(List.of("aaaa00000001|upgrade|t", "bbbb00000002|upgrade|t"),
                db.query("SELECT revision, direction, duration_ms >= 0 FROM migrate_history ORDER BY id"));
    }
}
