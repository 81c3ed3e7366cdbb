package dev.migrate.bench;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Flyway's Java API: configure, load, migrate; versioned migrations from the file system. */
public final class FlywayTool implements Tool {
    @Override
    public String name() {
        return "Flyway " + Versions.maven("org.flywaydb", "flyway-core") + " (API)";
    }

    @Override
    public void migrate(Server server, String database, Workload workload) {
        MigrateResult result = Flyway.configure()
                .dataSource(server.jdbcUrl(database), server.user(), server.password())
                .locations("filesystem:" + workload.flywayDir())
                .cleanDisabled(true)
                .load()
                .migrate();
        if (!result.success || result.migrationsExecuted != workload.count()) {
            throw new IllegalStateException("Flyway executed " + result.migrationsExecuted + " migrations");
        }
    }

    @Override
    public void verify(Server server, String database, Workload workload) throws Exception {
        Tool.super.verify(server, database, workload);
        long rows = Verification.count(server, database, "SELECT count(*) FROM flyway_schema_history WHERE success");
        if (rows != workload.count()) {
            throw new IllegalStateException("flyway_schema_history has " + rows + " rows");
        }
    }
}
