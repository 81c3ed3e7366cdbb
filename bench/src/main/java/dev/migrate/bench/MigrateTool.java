package dev.migrate.bench;

import dev.migrate.engine.EnvironmentRequest;
import dev.migrate.engine.Migrate;
import dev.migrate.engine.database.MigrationListener;
import dev.migrate.engine.ProjectLayout;
import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.RunSummary;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * migrate's engine through its facade, as the plugin's upgrade goal calls it: resolve the
 * environment, load the revision files, plan {@code upgrade heads}, run it (a transaction per
 * revision, with its version-table update and history row).
 */
public final class MigrateTool implements Tool {
    @Override
    public String name() {
        return "migrate " + Versions.maven("dev.migrate", "migrate-engine") + " (engine)";
    }

    @Override
    public void migrate(Server server, String database, Workload workload) {
        try (Migrate migrate = Migrate.open(ProjectLayout.standard(workload.migrateProject()),
                request(server, database, workload.migrateProject()), MigrationListener.NONE)) {
            RunSummary result = migrate.upgrade("heads", RunOptions.DEFAULT);
            if (result.steps().size() != workload.count()) {
                throw new IllegalStateException("migrate applied " + result.steps().size() + " revisions");
            }
        }
    }

    /**
     * The database as {@code -Dmigrate.url} and {@code -Dmigrate.user} would give it; no
     * environment variables, so that a {@code DATABASE_URL} of the machine cannot interfere.
     */
    static EnvironmentRequest request(Server server, String database, Path project) {
        Map<String, String> system = new HashMap<>();
        system.put("migrate.url", server.jdbcUrl(database));
        system.put("migrate.user", server.user());
        if (!server.password().isEmpty()) {
            system.put("migrate.password", server.password());
        }
        return new EnvironmentRequest(project, Optional.empty(), Map.of(), system, Map.of(),
                Optional.empty(), id -> Optional.empty());
    }

    @Override
    public void verify(Server server, String database, Workload workload) throws Exception {
        Tool.super.verify(server, database, workload);
        long rows = Verification.count(server, database, "SELECT count(*) FROM migrate_history");
        if (rows != workload.count()) {
            throw new IllegalStateException("migrate_history has " + rows + " rows");
        }
    }
}
