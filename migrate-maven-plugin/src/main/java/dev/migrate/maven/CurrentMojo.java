package dev.migrate.maven;

import dev.migrate.engine.Migrate;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Prints the revisions the database is at. */
@Mojo(name = "current", threadSafe = true)
public class CurrentMojo extends AbstractMigrateMojo {
    @Parameter(property = "migrate.verbose", defaultValue = "false")
    private boolean verbose;

    @Override
    protected void run(Migrate migrate) {
        report(migrate.current(), verbose);
    }
}
