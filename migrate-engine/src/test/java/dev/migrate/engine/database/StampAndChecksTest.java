package dev.migrate.engine.database;

import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.graph.VersionChange;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.testing.Revisions;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stamp, edited-file detection, unknown database revisions, adopting an Alembic database, a non-public schema. */
@ExtendWith(TestDatabaseExtension.class)
class StampAndChecksTest {
    static final RevisionScript A = Revisions.script("aaaa00000001", null, "create accounts",
            "CREATE TABLE accounts (id bigint PRIMARY KEY);", "DROP TABLE accounts;");
    static final RevisionScript B = Revisions.script("bbbb00000002", "aaaa00000001", "create orders",
            "CREATE TABLE orders (id bigint PRIMARY KEY);", "DROP TABLE orders;");
    static final RevisionScript C = Revisions.script("cccc00000003", "bbbb00000002", "create items",
            "CREATE TABLE items (id bigint PRIMARY KEY);", "DROP TABLE items;");
    static final List<RevisionScript> CHAIN = List.of(A, B, C);

    static DatabaseSettings settings(TestDatabase db) {
        return DatabaseSettings.of(db.jdbcUrl(), db.properties()).withEnvironment("staging");
    }

    @Test
    void stampWritesVersionRowsAndHistoryAndRunsNothing(TestDatabase db) {
        List<String> lines = new ArrayList<>();
        try (Migrator migrator = Migrator.connect(settings(db))) {
            RunResult up = migrator.stamp(Revisions.byId(A, B, C), heads -> new Plan(heads, Set.of("bbbb00000002"), List.of(),
                    List.of(new VersionChange.Insert("bbbb00000002"))), MigrationListener.lines(lines::add));
            assertEquals(Set.of("bbbb00000002"), up.endHeads());
            assertEquals(List.of(new VersionChange.Insert("bbbb00000002")), up.stamped());
            migrator.stamp(Revisions.byId(A, B, C), heads -> new Plan(heads, Set.of("cccc00000003"), List.of(),
                    List.of(new VersionChange.Update("bbbb00000002", "cccc00000003"))), MigrationListener.lines(lines::add));
            migrator.stamp(Revisions.byId(A, B, C), heads -> new Plan(heads, Set.of(), List.of(),
                    List.of(new VersionChange.Delete("cccc00000003"))), MigrationListener.lines(lines::add));
        }
        assertEquals(List.of("Running stamp_revision  -> bbbb00000002", "Running stamp_revision bbbb00000002 -> cccc00000003",
                "Running stamp_revision cccc00000003 -> "), lines);
        assertEquals(List.of(), db.query("SELECT version_num FROM migrate_version"));
        assertFalse(db.tableExists("public", "accounts"));
        assertFalse(db.tableExists("public", "orders"));
        assertEquals(List.of("bbbb00000002|stamp|" + B.checksum() + "|staging|stamp_revision  -> bbbb00000002",
                        "cccc00000003|stamp|" + C.checksum() + "|staging|stamp_revision bbbb00000002 -> cccc00000003",
                        "cccc00000003|stamp|" + C.checksum() + "|staging|stamp_revision cccc00000003 -> "),
                db.query("SELECT revision, direction, checksum, environment, message FROM migrate_history ORDER BY id"));
    }

    @Test
    void aStampThatDoesNotMatchTheVersionTableChangesNothing(TestDatabase db) {
        try (Migrator migrator = Migrator.connect(settings(db))) {
            migrator.stamp(Map.of(), heads -> new Plan(heads, Set.of("aaaa00000001"), List.of(),
                    List.of(new VersionChange.Insert("aaaa00000001"))), MigrationListener.NONE);
            assertThrows(VersionTableConflictException.class, () -> migrator.stamp(Map.of(), heads -> new Plan(heads,
                    Set.of("cccc00000003"), List.of(), List.of(new VersionChange.Update("aaaa00000001", "bbbb00000002"),
                    new VersionChange.Update("bbbb00000002", "cccc00000003"), new VersionChange.Delete("zzzz"))),
                    MigrationListener.NONE));
        }
        assertEquals(List.of("aaaa00000001"), db.query("SELECT version_num FROM migrate_version"));
        assertEquals(List.of("1"), db.query("SELECT count(*) FROM migrate_history"));
    }

    @Test
    void anEditedAppliedRevisionStopsTheUpgradeUnlessAccepted(TestDatabase db) {
        try (Migrator migrator = Migrator.connect(settings(db))) {
            migrator.migrate(Revisions.byId(A, B), heads -> Revisions.upgrade(CHAIN, heads, "bbbb00000002"),
                    RunOptions.defaults(), MigrationListener.NONE);
            RevisionScript editedA = Revisions.edited(A);
            Map<String, RevisionScript> scripts = Revisions.byId(editedA, B, C);

            DatabaseState state = migrator.readState();
            assertEquals(List.of(new EditedRevision("aaaa00000001", A.file(), A.checksum(), editedA.checksum())),
                    ScriptChecks.edited(scripts.values(), state, Set.of()));
            assertEquals(List.of(), ScriptChecks.edited(scripts.values(), state, Set.of("aaaa00000001")));

            EditedRevisionsException e = assertThrows(EditedRevisionsException.class, () -> migrator.migrate(scripts,
                    heads -> Revisions.upgrade(CHAIN, heads, "cccc00000003"), RunOptions.defaults(), MigrationListener.NONE));
            assertEquals("Revision files were edited after they were applied: aaaa00000001 ("
                    + Path.of("versions", "aaaa00000001_create_accounts.sql") + "). Nothing was run. Revert the edits and "
                    + "put the change in a new revision, or accept them with migrate.acceptChanged=aaaa00000001", e.getMessage());
            assertFalse(db.tableExists("public", "items"));

            RunResult accepted = migrator.migrate(scripts, heads -> Revisions.upgrade(CHAIN, heads, "cccc00000003"),
                    RunOptions.defaults().withAcceptChanged(Set.of("aaaa00000001")), MigrationListener.NONE);
            assertEquals(1, accepted.steps().size());
        }
        assertTrue(db.tableExists("public", "items"));
    }

    @Test
    void anEditedRevisionStopsADowngradeUnlessAccepted(TestDatabase db) {
        try (Migrator migrator = Migrator.connect(settings(db))) {
            migrator.migrate(Revisions.byId(A, B), heads -> Revisions.upgrade(CHAIN, heads, "bbbb00000002"),
                    RunOptions.defaults(), MigrationListener.NONE);
            Map<String, RevisionScript> edited = Revisions.byId(A, Revisions.edited(B));
            assertThrows(EditedRevisionsException.class, () -> migrator.migrate(edited,
                    heads -> Revisions.downgrade(CHAIN, heads, "aaaa00000001"), RunOptions.defaults(), MigrationListener.NONE));
            assertEquals(List.of("bbbb00000002"), db.query("SELECT version_num FROM migrate_version"));
            RunResult down = migrator.migrate(edited, heads -> Revisions.downgrade(CHAIN, heads, "aaaa00000001"),
                    RunOptions.defaults().withAcceptChanged(Set.of("bbbb00000002")), MigrationListener.NONE);
            assertEquals(Set.of("aaaa00000001"), down.endHeads());
        }
    }

    @Test
    void aDatabaseAtARevisionNoFileKnowsStopsTheRun(TestDatabase db) {
        try (Migrator migrator = Migrator.connect(settings(db))) {
            migrator.migrate(Revisions.byId(A, B), heads -> Revisions.upgrade(CHAIN, heads, "bbbb00000002"),
                    RunOptions.defaults(), MigrationListener.NONE);
            db.execute("UPDATE migrate_version SET version_num = 'ffff00000099'");
            DatabaseState state = migrator.readState();
            assertEquals(List.of("ffff00000099"), ScriptChecks.unknownHeads(Revisions.byId(A, B, C), state));
            UnknownDatabaseRevisionsException e = assertThrows(UnknownDatabaseRevisionsException.class, () -> migrator.migrate(
                    Revisions.byId(A, B, C), heads -> {
                        throw new AssertionError("must not plan");
                    }, RunOptions.defaults(), MigrationListener.NONE));
            assertEquals(List.of("ffff00000099"), e.revisions());
            assertEquals("The database is at revision ffff00000099 (\"public\".\"migrate_version\"), which no local revision "
                    + "file knows: it was migrated by a newer version of this project, or the file was deleted. Nothing was "
                    + "run. Check out the revision files it was migrated with, or restore the deleted file.", e.getMessage());
        }
    }

    @Test
    void adoptsADatabaseThatAlembicLeftAtARevision(TestDatabase db) {
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                + "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));"
                + "INSERT INTO alembic_version (version_num) VALUES ('aaaa00000001');"
                + "CREATE TABLE accounts (id bigint PRIMARY KEY)");
        List<String> created = new ArrayList<>();
        try (Migrator migrator = Migrator.connect(settings(db).withVersionTable("alembic_version"))) {
            assertEquals(new DatabaseState(Set.of("aaaa00000001"), Map.of()), migrator.readState());
            RunResult result = migrator.migrate(Revisions.byId(A, B, C), heads -> Revisions.upgrade(CHAIN, heads, "cccc00000003"),
                    RunOptions.defaults(), new MigrationListener() {
                        @Override
                        public void tablesCreated(List<String> statements) {
                            created.addAll(statements);
                        }
                    });
            assertEquals(Set.of("aaaa00000001"), result.startHeads());
            assertEquals(2, result.steps().size());
        }
        assertEquals(1, created.size());
        assertTrue(created.get(0).startsWith("CREATE TABLE IF NOT EXISTS \"public\".\"migrate_history\""), created.get(0));
        assertEquals(List.of("cccc00000003"), db.query("SELECT version_num FROM alembic_version"));
        assertFalse(db.tableExists("public", "migrate_version"));
        assertEquals(List.of("bbbb00000002", "cccc00000003"), db.query("SELECT revision FROM migrate_history ORDER BY id"));
    }

    @Test
    void aNonPublicSchemaHoldsOurTablesAndTheRevisionsUnqualifiedObjects(TestDatabase db) {
        try (Migrator migrator = Migrator.connect(settings(db).withSchema("App Schema").withVersionTable("versions")
                .withHistoryTable("history"))) {
            migrator.migrate(Revisions.byId(A, B), heads -> Revisions.upgrade(CHAIN, heads, "bbbb00000002"),
                    RunOptions.defaults(), MigrationListener.NONE);
        }
        assertTrue(db.tableExists("App Schema", "versions"));
        assertTrue(db.tableExists("App Schema", "history"));
        assertTrue(db.tableExists("App Schema", "accounts"));
        assertFalse(db.tableExists("public", "accounts"));
        assertEquals(List.of("bbbb00000002"), db.query("SELECT version_num FROM \"App Schema\".versions"));
    }
}
