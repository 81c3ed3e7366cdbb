package dev.migrate.maven;

import dev.migrate.engine.Migrate;
import dev.migrate.engine.RunOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/** Reverts the database to a target ({@code -1}, a revision, {@code base}); the target is required. */
@Mojo(name = "downgrade", threadSafe = true)
public class DowngradeMojo extends AbstractMigrateMojo {
    @Parameter(property = "migrate.target", required = true)
    private String target;

    @Parameter(property = "migrate.sql", defaultValue = "false")
    private boolean sql;

    @Parameter(property = "migrate.output")
    private File output;

    @Parameter(property = "migrate.transaction", defaultValue = "each")
    private String transaction;

    /** For a protected environment: its name, to confirm. */
    @Parameter(property = "migrate.confirm")
    private String confirm;

    @Override
    protected void run(Migrate migrate) {
        if (sql) {
            Output.write(migrate.downgradeSql(target), output, getLog());
        } else {
            migrate.downgrade(target, RunOptions.of(transaction, null, confirm));
        }
    }
}
