package dev.migrate.maven;

import dev.migrate.engine.Migrate;
import dev.migrate.engine.database.RunOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;

/** Reverts the database to a target ({@code -1}, a revision, {@code base}); the target is required. */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class DowngradeMojo extends AbstractScriptMojo {
    /** Required; checked by the goal so that the message names {@code -Dmigrate.target}. */
    @Parameter(property = "migrate.target")
    private String target;

    /** For a protected environment: its name, to confirm. */
    @Parameter(property = "migrate.confirm")
    private String confirm;

    @Override
    protected void run(Migrate migrate) {
        required(target, "downgrade", "migrate.target", "-1", "the revision to go down to: -1, base, a revision id");
        if (offline()) {
            emit(migrate.downgradeSql(target, RunOptions.of(transaction, null, null)));
        } else {
            reportRun(migrate.downgrade(target, RunOptions.of(transaction, null, confirm)));
        }
    }
}
