package dev.migrate.maven;

import dev.migrate.engine.Migrate;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Lists revisions newest first, marking the database's current ones when it can be reached. */
@Mojo(name = "history", threadSafe = true)
public class HistoryMojo extends AbstractMigrateMojo {
    /** Range {@code from:to}, e.g. {@code base:head}, {@code -3:}, {@code current:}. */
    @Parameter(property = "migrate.range")
    private String range;

    @Parameter(property = "migrate.verbose", defaultValue = "false")
    private boolean verbose;

    @Override
    protected void run(Migrate migrate) {
        report(migrate.history(range), verbose);
    }
}
