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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fork and its merge: two heads as two version rows, then one merge step that deletes one row
 * and updates the other in the same batch; and a non-transactional revision that fails half-way.
 */
@ExtendWith(TestDatabaseExtension.class)
class BranchesAndMergeTest {
    static final RevisionScript BASE = Revisions.script("base00000001", null, "base", "CREATE TABLE base (id int);", "DROP TABLE base;");
    static final RevisionScript LEFT = Revisions.script("left00000002", "base00000001", "left", "CREATE TABLE l (id int);", "DROP TABLE l;");
    static final RevisionScript RIGHT = Revisions.script("rght00000003", "base00000001", "right", "CREATE TABLE r (id int);", "DROP TABLE r;");
    static final Revision MERGE_REVISION = Revision.of("merg00000004", "left00000002", "rght00000003");
    static final RevisionScript MERGE = new RevisionScript(MERGE_REVISION, "merge", Path.of("versions", "merg00000004_merge.sql"),
            Optional.empty(), true, List.of(), List.of(), "merge-checksum");
    static final Map<String, RevisionScript> SCRIPTS = Revisions.byId(BASE, LEFT, RIGHT, MERGE);

    static Step up(RevisionScript script, VersionChange... changes) {
        return new Step(script.revision(), Direction.UPGRADE, List.of(changes));
    }

    @Test
    void twoHeadsThenAMergeStep(TestDatabase db) {
        List<String> lines = new ArrayList<>();
        try (Migrator migrator = Migrator.connect(DatabaseSettings.of(db.jdbcUrl(), db.properties()))) {
            RunResult forked = migrator.migrate(SCRIPTS, heads -> Plan.of(heads, Set.of("left00000002", "rght00000003"), List.of(
                    up(BASE, new VersionChange.Insert("base00000001")),
                    up(LEFT, new VersionChange.Update("base00000001", "left00000002")),
                    up(RIGHT, new VersionChange.Insert("rght00000003")))), RunOptions.defaults(), MigrationListener.lines(lines::add));
            assertEquals(Set.of("left00000002", "rght00000003"), forked.endHeads());
            assertEquals(List.of("left00000002", "rght00000003"), db.query("SELECT version_num FROM migrate_version ORDER BY 1"));

            RunResult merged = migrator.migrate(SCRIPTS, heads -> {
                assertEquals(Set.of("left00000002", "rght00000003"), heads);
                return Plan.of(heads, Set.of("merg00000004"), List.of(up(MERGE, new VersionChange.Delete("left00000002"),
                        new VersionChange.Update("rght00000003", "merg00000004"))));
            }, RunOptions.defaults(), MigrationListener.lines(lines::add));
            assertEquals(Set.of("merg00000004"), merged.endHeads());
        }
        assertEquals(List.of("merg00000004"), db.query("SELECT version_num FROM migrate_version"));
        assertTrue(lines.get(3).matches("Running upgrade left00000002, rght00000003 -> merg00000004, merge \\(\\d+ ms\\)"), lines.get(3));
        assertEquals(List.of("merg00000004|merge-checksum"),
                db.query("SELECT revision, checksum FROM migrate_history WHERE revision = 'merg00000004'"));
    }

    @Test
    void aNonTransactionalRevisionThatFailsKeepsWhatItRanAndTheVersion(TestDatabase db) {
        RevisionScript loose = Revisions.script("loos00000002", "base00000001", "indexes",
                "CREATE INDEX CONCURRENTLY base_id ON base (id);\nCREATE INDEX CONCURRENTLY nope ON missing (id);",
                "DROP INDEX CONCURRENTLY base_id;", false);
        try (Migrator migrator = Migrator.connect(DatabaseSettings.of(db.jdbcUrl(), db.properties()))) {
            MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> migrator.migrate(
                    Revisions.byId(BASE, loose), heads -> Revisions.upgrade(List.of(BASE, loose), heads, "loos00000002"),
                    RunOptions.defaults(), MigrationListener.NONE));
            assertEquals(8, e.line());
            assertTrue(e.getMessage().endsWith("\nThe revision is not transactional: statement 1 of 2 ran and stays applied "
                    + "(recorded in \"public\".\"migrate_history\"); the version table is still at base00000001. Fix the "
                    + "failing statement, then continue from it with migrate.resume=loos00000002, or finish the revision "
                    + "by hand and record it with the stamp command."), e.getMessage());
        }
        assertEquals(List.of("base00000001"), db.query("SELECT version_num FROM migrate_version"));
        assertEquals(List.of("base_id"), db.query("SELECT indexname FROM pg_indexes WHERE tablename = 'base'"));
    }
}
