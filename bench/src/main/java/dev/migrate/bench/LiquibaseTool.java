package dev.migrate.bench;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Liquibase's {@code update} command through its Java API, on one formatted-SQL changelog with
 * a changeset (and its rollback) per revision; each changeset runs in its own transaction.
 */
public final class LiquibaseTool implements Tool {
    /** Held so that the level stays set: one INFO line per changeset is not part of the work timed. */
    private static final Logger QUIET = Logger.getLogger("liquibase");

    static {
        // No network here, and none wanted in a timing: no usage reporting, no banner.
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
        System.setProperty("liquibase.logLevel", "WARNING");
        QUIET.setLevel(Level.WARNING);
    }



    @Override
    public String name() {
        return "Liquibase " + liquibase.util.LiquibaseUtil.getBuildVersion() + " (API)";
    }

    @Override
    public void migrate(Server server, String database, Workload workload) throws Exception {
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(workload.liquibaseDir()),
                Scope.Attr.ui.name(), new LoggerUIService());
        Scope.child(scope, () -> new CommandScope("update")
                .addArgumentValue("url", server.jdbcUrl(database))
                .addArgumentValue("username", server.user())
                .addArgumentValue("password", server.password())
                .addArgumentValue("changelogFile", "changelog.sql")
                .execute());
    }

    @Override
    public void verify(Server server, String database, Workload workload) throws Exception {
        Tool.super.verify(server, database, workload);
        long rows = Verification.count(server, database, "SELECT count(*) FROM databasechangelog");
        if (rows != workload.count()) {
            throw new IllegalStateException("databasechangelog has " + rows + " rows");
        }
    }
}
