package dev.migrate.engine.verify;

import dev.migrate.engine.database.DatabaseSettings;
import dev.migrate.engine.database.MigrationListener;
import dev.migrate.engine.database.ScratchDatabase;
import dev.migrate.engine.database.ScratchDatabases;
import dev.migrate.engine.database.catalog.CatalogReader;
import dev.migrate.engine.graph.RevisionMap;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.ScriptDirectory;
import dev.migrate.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What verify adds per revision, on a generated graph (default 200 revisions, {@code -Dbench.revisions=N}):
 * the median of a few runs of verify against the median of a plain upgrade of the same revisions on a
 * scratch database. Prints the figures; asserts only that verify checked every revision. Runs on
 * request only: {@code -Dbench=verify}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "verify|all")
class VerifyTimingTest {
    @TempDir
    Path project;

    @Test
    void timeVerifyAddsPerRevision() throws IOException {
        int n = Integer.getInteger("bench.revisions", 200);
        int runs = Integer.getInteger("bench.runs", 3);
        generate(n);
        ScriptDirectory scripts = ScriptDirectory.load(project.resolve("versions"));
        RevisionMap map = scripts.map();
        Map<String, RevisionScript> byId = new HashMap<>();
        scripts.scripts().forEach(s -> byId.put(s.id(), s));
        DatabaseSettings like = DatabaseSettings.of("jdbc:postgresql:scratch", new Properties());

        long[] upgrade = new long[runs];
        long[] verify = new long[runs];
        VerifyReport last = null;
        for (int r = 0; r < runs; r++) {
            try (ScratchDatabases scratch = ScratchDatabases.on(TestDatabases::scratchServer)) {
                long start = System.nanoTime();
                try (ScratchDatabase db = scratch.create("bench")) {
                    db.migrate(byId, heads -> map.upgrade(heads, "heads"), like, MigrationListener.NONE);
                    upgrade[r] = System.nanoTime() - start;
                    if (r == 0) {
                        try (java.sql.Connection c = db.connect()) {
                            var scope = dev.migrate.engine.database.catalog.CatalogScope.allUserSchemas();
                            var catalog = CatalogReader.read(c, scope);
                            long t = System.nanoTime();
                            for (int k = 0; k < 5; k++) {
                                catalog = CatalogReader.read(c, scope);
                            }
                            long read = (System.nanoTime() - t) / 5;
                            t = System.nanoTime();
                            for (int k = 0; k < 5; k++) {
                                dev.migrate.engine.diff.SchemaDiffer.compare(catalog, catalog, dev.migrate.engine.diff.DiffOptions.defaults());
                            }
                            System.out.printf("at %d tables: catalog read %.1f ms, comparison %.1f ms%n", n, read / 1e6,
                                    (System.nanoTime() - t) / 5e6);
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                start = System.nanoTime();
                last = new Verifier(scratch, like, VerifyOptions.defaults(), line -> { }).verify(map, byId);
                verify[r] = System.nanoTime() - start;
            }
        }
        assertTrue(last.passed(), last.problems().toString());
        assertEquals(n, last.revisionsChecked());
        double up = median(upgrade) / 1e6;
        double ver = median(verify) / 1e6;
        System.out.printf("verify timing (%s server, %d revisions, median of %d runs): plain upgrade %.0f ms (%.1f ms/revision),"
                        + " verify %.0f ms (%.1f ms/revision), verify adds %.1f ms per revision; %d catalog queries per snapshot,"
                        + " 2 snapshots per revision%n",
                TestDatabases.serverKind(), n, runs, up, up / n, ver, ver / n, (ver - up) / n, CatalogReader.queriesPerRead());
    }

    /** N revisions in one chain, each a table with a key, a foreign key to the previous one and an index; every third adds a column. */
    private void generate(int n) throws IOException {
        Path dir = Files.createDirectories(project.resolve("versions"));
        for (int i = 1; i <= n; i++) {
            String id = String.format("r%011d", i);
            String parent = i == 1 ? "" : String.format("r%011d", i - 1);
            StringBuilder up = new StringBuilder("CREATE TABLE item_" + i + " (id bigserial PRIMARY KEY, name text NOT NULL,"
                    + " created_at timestamptz NOT NULL DEFAULT now(), qty integer DEFAULT 0"
                    + (i > 1 ? ", prev_id bigint REFERENCES item_" + (i - 1) + " (id)" : "") + ");\n"
                    + "CREATE INDEX item_" + i + "_name_idx ON item_" + i + " (name);\n");
            StringBuilder down = new StringBuilder();
            if (i % 3 == 0) {
                up.append("ALTER TABLE item_").append(i / 3).append(" ADD COLUMN extra_").append(i).append(" text DEFAULT 'x';\n");
                down.append("ALTER TABLE item_").append(i / 3).append(" DROP COLUMN extra_").append(i).append(";\n");
            }
            down.append("DROP TABLE item_").append(i).append(";\n");
            Files.writeString(dir.resolve(id + "_item_" + i + ".sql"), "-- item " + i + "\n--\n-- Revision ID: " + id
                    + "\n-- Revises: " + parent + "\n\n-- migrate:upgrade\n" + up + "\n-- migrate:downgrade\n" + down);
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }
}
