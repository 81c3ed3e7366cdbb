package dev.migrate.maven;

import dev.migrate.engine.Migrate;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;

/** Lists revisions newest first from the files alone; {@code indicateCurrent} connects and marks the current ones. */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class HistoryMojo extends AbstractMigrateMojo {
    /** Range {@code from:to}, e.g. {@code base:head}, {@code -3:}, {@code current:}. */
    @Parameter(property = "migrate.range")
    private String range;

    @Parameter(property = "migrate.verbose", defaultValue = "false")
    private boolean verbose;

    /** Connect to the database and mark its current revisions. */
    @Parameter(property = "migrate.indicateCurrent", defaultValue = "false")
    private boolean indicateCurrent;

    @Override
    protected void run(Migrate migrate) {
        report(migrate.verbose(verbose).history(range, indicateCurrent), verbose);
    }
}
