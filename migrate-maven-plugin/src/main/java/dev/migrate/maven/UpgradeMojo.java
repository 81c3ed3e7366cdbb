package dev.migrate.maven;

import dev.migrate.engine.Migrate;
import dev.migrate.engine.RunOptions;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/** Upgrades the database to a target, by default all heads ({@code alembic upgrade heads}). */
@Mojo(name = "upgrade", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class UpgradeMojo extends AbstractMigrateMojo {
    /** Target: {@code heads}, {@code head}, a revision, {@code label@head}, {@code +N}; with sql, a range {@code from:to}. */
    @Parameter(property = "migrate.target", defaultValue = "heads")
    private String target;

    /** Offline mode: print (or write to {@code migrate.output}) the SQL instead of running it. */
    @Parameter(property = "migrate.sql", defaultValue = "false")
    private boolean sql;

    @Parameter(property = "migrate.output")
    private File output;

    /** {@code each} (a transaction per revision) or {@code all} (one for the whole run). */
    @Parameter(property = "migrate.transaction", defaultValue = "each")
    private String transaction;

    /** Revisions whose edited files are accepted (comma-separated). */
    @Parameter(property = "migrate.acceptChanged")
    private String acceptChanged;

    @Override
    protected void run(Migrate migrate) {
        if (sql) {
            Output.write(migrate.upgradeSql(target), output, getLog());
        } else {
            migrate.upgrade(target, RunOptions.of(transaction, acceptChanged, null));
        }
    }
}
