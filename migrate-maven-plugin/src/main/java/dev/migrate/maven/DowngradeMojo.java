package dev.migrate.maven;

import dev.migrate.engine.Migrate;
import dev.migrate.engine.RunOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Reverts the database to a target ({@code -1}, a revision, {@code base}); the target is required. */
@Mojo(name = "downgrade", threadSafe = true)
public class DowngradeMojo extends AbstractScriptMojo {
    @Parameter(property = "migrate.target", required = true)
    private String target;

    /** For a protected environment: its name, to confirm. */
    @Parameter(property = "migrate.confirm")
    private String confirm;

    @Override
    protected void run(Migrate migrate) {
        if (sql) {
            emit(migrate.downgradeSql(target, RunOptions.of(transaction, null, null)));
        } else {
            migrate.downgrade(target, RunOptions.of(transaction, null, confirm));
        }
    }
}
