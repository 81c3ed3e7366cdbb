package dev.migrate.maven;

import dev.migrate.engine.Migrate;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;

/** Shows one revision: id, parents, children, labels, file and message. */
@Mojo(name = "show", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class ShowMojo extends AbstractMigrateMojo {
    @Parameter(property = "migrate.revision", defaultValue = "head")
    private String revision;

    @Override
    protected void run(Migrate migrate) {
        report(migrate.show(revision), true);
    }
}
