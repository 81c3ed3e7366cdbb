package dev.migrate.maven;

import dev.migrate.engine.Migrate;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;

/** Lists the heads of the revision graph. */
@Mojo(name = "heads", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class HeadsMojo extends AbstractMigrateMojo {
    @Parameter(property = "migrate.verbose", defaultValue = "false")
    private boolean verbose;

    @Override
    protected void run(Migrate migrate) {
        report(migrate.heads(), verbose);
    }
}
