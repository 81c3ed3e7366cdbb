package dev.migrate.bench;

import dev.migrate.engine.database.DatabaseSettings;
import dev.migrate.engine.database.MigrationListener;
import dev.migrate.engine.database.Migrator;
import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.database.RunResult;
import dev.migrate.engine.graph.Direction;
import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.graph.Step;
import dev.migrate.engine.graph.VersionChange;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.ScriptDirectory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * migrate's engine: load the revision files, plan an upgrade to heads, run it (a transaction
 * per revision, with its version-table update and history row).
 *
 * <p>Until the graph's planner lands, the plan for the workload's single chain is made here
 * from the files' {@code Revises:} headers; loading, checks and execution are the engine's own.
 */
public final class MigrateTool implements Tool {
    @Override
    public String name() {
        return "migrate " + Versions.maven("dev.migrate", "migrate-engine") + " (engine)";
    }

    @Override
    public void migrate(Server server, String database, Workload workload) {
        ScriptDirectory directory = ScriptDirectory.load(workload.migrateVersions());
        Map<String, RevisionScript> scripts = new HashMap<>();
        for (RevisionScript script : directory.scripts()) {
            scripts.put(script.id(), script);
        }
        DatabaseSettings settings = DatabaseSettings.of(server.jdbcUrl(database), server.credentials());
        try (Migrator migrator = Migrator.connect(settings)) {
            RunResult result = migrator.migrate(scripts, heads -> plan(scripts, heads), RunOptions.defaults(), MigrationListener.NONE);
            if (result.steps().size() != workload.count()) {
                throw new IllegalStateException("migrate applied " + result.steps().size() + " revisions");
            }
        }
    }

    @Override
    public void verify(Server server, String database, Workload workload) throws Exception {
        Tool.super.verify(server, database, workload);
        long rows = Verification.count(server, database, "SELECT count(*) FROM migrate_history");
        if (rows != workload.count()) {
            throw new IllegalStateException("migrate_history has " + rows + " rows");
        }
    }

    /** From {@code heads} (empty or one revision) up the single chain to its head. */
    static Plan plan(Map<String, RevisionScript> scripts, Set<String> heads) {
        Map<String, RevisionScript> childOf = new HashMap<>();
        RevisionScript base = null;
        for (RevisionScript script : scripts.values()) {
            List<String> down = script.revision().downRevisions();
            if (down.isEmpty()) {
                base = script;
            } else {
                childOf.put(down.get(0), script);
            }
        }
        RevisionScript next = heads.isEmpty() ? base : childOf.get(heads.iterator().next());
        List<Step> steps = new ArrayList<>();
        String current = heads.isEmpty() ? null : heads.iterator().next();
        while (next != null) {
            VersionChange change = current == null ? new VersionChange.Insert(next.id()) : new VersionChange.Update(current, next.id());
            steps.add(new Step(next.revision(), Direction.UPGRADE, List.of(change)));
            current = next.id();
            next = childOf.get(current);
        }
        return Plan.of(heads, current == null ? Set.of() : Set.of(current), steps);
    }
}
