package dev.migrate.engine.database;

import dev.migrate.engine.graph.Direction;
import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.graph.Revision;
import dev.migrate.engine.graph.Step;
import dev.migrate.engine.graph.VersionChange;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.testing.Revisions;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failing statement, a version table changed by someone else, irreversible and non-transactional refusals. */
@ExtendWith(TestDatabaseExtension.class)
class FailureTest {
    static final RevisionScript A = Revisions.script("aaaa00000001", null, "create accounts",
            "CREATE TABLE accounts (id bigint PRIMARY KEY);", "DROP TABLE accounts;");
    static final RevisionScript B = Revisions.script("bbbb00000002", "aaaa00000001", "create orders",
            "CREATE TABLE orders (id bigint PRIMARY KEY);\nINSERT INTO orders\n  SELECT id FROM missing_table;",
            "DROP TABLE orders;");
    static final List<RevisionScript> CHAIN = List.of(A, B);

    static Migrator migrator(TestDatabase db) {
        return Migrator.connect(DatabaseSettings.of(db.jdbcUrl(), db.properties()));
    }

    @Test
    void aFailingStatementRollsBackItsRevisionAndReportsWhere(TestDatabase db) {
        MigrationFailedException e;
        try (Migrator migrator = migrator(db)) {
            e = assertThrows(MigrationFailedException.class, () -> migrator.migrate(Revisions.byId(A, B),
                    heads -> Revisions.upgrade(CHAIN, heads, "bbbb00000002"), RunOptions.defaults(), MigrationListener.NONE));
        }
        assertEquals("bbbb00000002", e.revision());
        assertEquals(Direction.UPGRADE, e.direction());
        assertEquals(Path.of("versions", "bbbb00000002_create_orders.sql"), e.file());
        assertEquals(9, e.line());
        assertEquals(Optional.of("42P01"), e.sqlState());
        assertEquals("relation \"missing_table\" does not exist", e.databaseMessage());
        assertEquals("INSERT INTO orders\n  SELECT id FROM missing_table", e.statement());
        assertEquals("Revision bbbb00000002 failed during upgrade at " + Path.of("versions", "bbbb00000002_create_orders.sql")
                + ", line 9: SQLSTATE 42P01: relation \"missing_table\" does not exist\n"
                + "Statement: INSERT INTO orders\n  SELECT id FROM missing_table\n"
                + "The revision was rolled back; the version table is still at aaaa00000001.", e.getMessage());
        assertEquals(List.of("aaaa00000001"), db.query("SELECT version_num FROM migrate_version"));
        assertTrue(db.tableExists("public", "accounts"));
        assertFalse(db.tableExists("public", "orders"));
        assertEquals(List.of("aaaa00000001|upgrade"), db.query("SELECT revision, direction FROM migrate_history"));
    }

    @Test
    void inOneTransactionAFailureRollsBackTheWholeRun(TestDatabase db) {
        try (Migrator migrator = migrator(db)) {
            MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> migrator.migrate(
                    Revisions.byId(A, B), heads -> Revisions.upgrade(CHAIN, heads, "bbbb00000002"),
                    RunOptions.defaults().withTransactionMode(TransactionMode.ALL), MigrationListener.NONE));
            assertTrue(e.getMessage().endsWith("\nThe whole run was rolled back; the version table is still at base."),
                    e.getMessage());
        }
        assertEquals(List.of(), db.query("SELECT version_num FROM migrate_version"));
        assertFalse(db.tableExists("public", "accounts"));
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM migrate_history"));
    }

    @Test
    void aLongStatementIsCutToAboutOneKilobyte(TestDatabase db) {
        String longSql = "SELECT 1/0 AS x" + ", 1 AS padding".repeat(200);
        RevisionScript big = Revisions.script("aaaa00000001", null, "divide", longSql + ";", "");
        try (Migrator migrator = migrator(db)) {
            MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> migrator.migrate(
                    Revisions.byId(big), heads -> Revisions.upgrade(List.of(big), heads, "aaaa00000001"),
                    RunOptions.defaults(), MigrationListener.NONE));
            assertEquals(longSql.substring(0, 1024) + " ... (" + (longSql.length() - 1024) + " more characters)", e.statement());
            assertEquals(Optional.of("22012"), e.sqlState());
            assertEquals("division by zero", e.databaseMessage());
        }
    }

    @Test
    void anUpdateThatMatchesNoRowIsAConflict(TestDatabase db) {
        try (Migrator migrator = migrator(db)) {
            migrator.migrate(Revisions.byId(A), heads -> Revisions.upgrade(CHAIN, heads, "aaaa00000001"),
                    RunOptions.defaults(), MigrationListener.NONE);
            RevisionScript ok = Revisions.script("bbbb00000002", "aaaa00000001", "create orders",
                    "CREATE TABLE orders (id bigint);", "DROP TABLE orders;");
            // a planner that believes the database is at another revision
            Plan stale = Plan.of(Set.of("ffff00000009"), Set.of("bbbb00000002"), List.of(new Step(
                    Revision.of("bbbb00000002", "aaaa00000001"), Direction.UPGRADE,
                    List.of(new VersionChange.Update("ffff00000009", "bbbb00000002")))));
            VersionTableConflictException e = assertThrows(VersionTableConflictException.class, () -> migrator.migrate(
                    Revisions.byId(A, ok), heads -> stale, RunOptions.defaults(), MigrationListener.NONE));
            assertEquals("Version table \"public\".\"migrate_version\" changed under this run: updating ffff00000009 to "
                    + "bbbb00000002 for revision bbbb00000002 matched 0 rows instead of 1. The revision was rolled back; "
                    + "run 'current' to see where the database is, then plan again.", e.getMessage());
            assertEquals(0, e.rowsMatched());
            assertEquals(new VersionChange.Update("ffff00000009", "bbbb00000002"), e.change());
        }
        assertEquals(List.of("aaaa00000001"), db.query("SELECT version_num FROM migrate_version"));
        assertFalse(db.tableExists("public", "orders"));
        assertEquals(List.of("1"), db.query("SELECT count(*) FROM migrate_history"));
    }

    @Test
    void insertingAHeadThatIsAlreadyThereIsAConflict(TestDatabase db) {
        try (Migrator migrator = migrator(db)) {
            migrator.migrate(Revisions.byId(A), heads -> Revisions.upgrade(CHAIN, heads, "aaaa00000001"),
                    RunOptions.defaults(), MigrationListener.NONE);
            Plan again = Plan.of(Set.of(), Set.of("aaaa00000001"), List.of(new Step(A.revision(), Direction.UPGRADE,
                    List.of(new VersionChange.Insert("aaaa00000001")))));
            RevisionScript noop = Revisions.script("aaaa00000001", null, "create accounts", "SELECT 1;", "SELECT 1;");
            VersionTableConflictException e = assertThrows(VersionTableConflictException.class, () -> migrator.migrate(
                    Map.of("aaaa00000001", noop), heads -> again,
                    RunOptions.defaults().withAcceptChanged(Set.of("aaaa00000001")), MigrationListener.NONE));
            assertEquals(-1, e.rowsMatched());
            assertTrue(e.getMessage().startsWith("Version table \"public\".\"migrate_version\" changed under this run: "
                    + "inserting aaaa00000001 for revision aaaa00000001 matched -1 rows"), e.getMessage());
        }
        assertEquals(List.of("upgrade"), db.query("SELECT direction FROM migrate_history WHERE direction <> 'accept'"));
    }

    @Test
    void anIrreversibleRevisionStopsADowngradeBeforeAnythingRuns(TestDatabase db) {
        RevisionScript b = Revisions.script("bbbb00000002", "aaaa00000001", "create orders", "CREATE TABLE orders (id int);", "");
        RevisionScript c = Revisions.script("cccc00000003", "bbbb00000002", "add note",
                "ALTER TABLE orders ADD COLUMN note text;", "ALTER TABLE orders DROP COLUMN note;");
        List<RevisionScript> chain = List.of(A, b, c);
        try (Migrator migrator = migrator(db)) {
            migrator.migrate(Revisions.byId(A, b, c), heads -> Revisions.upgrade(chain, heads, "cccc00000003"),
                    RunOptions.defaults(), MigrationListener.NONE);
            IrreversibleRevisionException e = assertThrows(IrreversibleRevisionException.class, () -> migrator.migrate(
                    Revisions.byId(A, b, c), heads -> Revisions.downgrade(chain, heads, null), RunOptions.defaults(),
                    MigrationListener.NONE));
            assertEquals(List.of("bbbb00000002"), e.revisions());
            assertEquals("Revision bbbb00000002 (" + b.file() + ") is irreversible (it has no '-- migrate:downgrade' "
                    + "section): the downgrade cannot pass through it. Nothing was run. Choose a target above it, write "
                    + "the downgrade SQL, or, when there is truly nothing to undo, put a line '-- migrate:nothing-to-undo' "
                    + "in the downgrade section.", e.getMessage());
        }
        assertEquals(List.of("cccc00000003"), db.query("SELECT version_num FROM migrate_version"));
        assertEquals(List.of("note"), db.query("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'orders' AND column_name = 'note'"));
    }

    @Test
    void aPlanStepWithoutItsScriptRunsNothing(TestDatabase db) {
        try (Migrator migrator = migrator(db)) {
            MissingRevisionScriptException e = assertThrows(MissingRevisionScriptException.class, () -> migrator.migrate(
                    Revisions.byId(A), heads -> Revisions.upgrade(CHAIN, heads, "bbbb00000002"), RunOptions.defaults(),
                    MigrationListener.NONE));
            assertEquals("No revision file for bbbb00000002 in the plan. Nothing was run.", e.getMessage());
        }
        assertFalse(db.tableExists("public", "accounts"));
    }

    @Test
    void nonTransactionalRevisionsAreRefusedInOneTransactionMode(TestDatabase db) {
        RevisionScript index = Revisions.script("bbbb00000002", "aaaa00000001", "index accounts",
                "CREATE INDEX CONCURRENTLY accounts_id ON accounts (id);", "DROP INDEX CONCURRENTLY accounts_id;", false);
        try (Migrator migrator = migrator(db)) {
            NonTransactionalRevisionException e = assertThrows(NonTransactionalRevisionException.class, () -> migrator.migrate(
                    Revisions.byId(A, index), heads -> Revisions.upgrade(List.of(A, index), heads, "bbbb00000002"),
                    RunOptions.defaults().withTransactionMode(TransactionMode.ALL), MigrationListener.NONE));
            assertEquals("Revision bbbb00000002 is marked 'Transactional: false' but the whole run is one transaction "
                    + "(transaction=all); run them separately. Nothing was run.", e.getMessage());
        }
        assertFalse(db.tableExists("public", "accounts"));
    }

    @Test
    void aDeferredConstraintFailingAtCommitIsThatRevisionsFailure(TestDatabase db) {
        RevisionScript deferred = Revisions.script("bbbb00000002", "aaaa00000001", "create orders",
                "CREATE TABLE orders (id bigint PRIMARY KEY, account bigint REFERENCES accounts DEFERRABLE INITIALLY DEFERRED);\n"
                        + "INSERT INTO orders VALUES (1, 42);", "DROP TABLE orders;");
        try (Migrator migrator = migrator(db)) {
            MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> migrator.migrate(
                    Revisions.byId(A, deferred), heads -> Revisions.upgrade(List.of(A, deferred), heads, "bbbb00000002"),
                    RunOptions.defaults(), MigrationListener.NONE));
            assertEquals("bbbb00000002", e.revision());
            assertEquals("COMMIT", e.statement());
            assertEquals(Optional.of("23503"), e.sqlState());
            assertEquals(8, e.line());
        }
        assertEquals(List.of("aaaa00000001"), db.query("SELECT version_num FROM migrate_version"));
        assertFalse(db.tableExists("public", "orders"));
    }
}
