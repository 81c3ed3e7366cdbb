package dev.migrate.maven;

import dev.migrate.engine.Migrate;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;

/** Prints the revisions the database is at. */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CurrentMojo extends AbstractMigrateMojo {
    /** Also prints the details of the revisions, and of the embedded server when one is used. */
    @Parameter(property = "migrate.verbose", defaultValue = "false")
    private boolean verbose;

    /** Fail unless the database is at all heads (a deployment gate). */
    @Parameter(property = "migrate.checkHeads", defaultValue = "false")
    private boolean checkHeads;

    @Override
    protected void run(Migrate migrate) {
        report(migrate.verbose(verbose).current(), verbose);
        if (checkHeads) {
            migrate.checkHeads();
        }
    }
}
