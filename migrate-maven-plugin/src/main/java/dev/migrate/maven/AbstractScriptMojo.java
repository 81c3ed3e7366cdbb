package dev.migrate.maven;

import dev.migrate.engine.Migrate;
import dev.migrate.engine.RunSummary;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * The goals that change the database, and so also have an offline mode that prints the SQL
 * instead: {@code migrate.sql=true}, or {@code migrate.output=FILE} (then the script goes there).
 */
abstract class AbstractScriptMojo extends AbstractMigrateMojo {
    /**
     * Offline mode: print (or write to {@code migrate.output}) the SQL instead of running it; no
     * connection is made, except that an upgrade from {@code current} ({@code migrate.target=current:heads})
     * reads the database's revisions, read only.
     */
    @Parameter(property = "migrate.sql", defaultValue = "false")
    protected boolean sql;

    /** {@code each} (a transaction per revision) or {@code all} (one for the whole run). */
    @Parameter(property = "migrate.transaction", defaultValue = "each")
    protected String transaction;

    /** File for the JSON report of an online run: the steps run with their durations, heads before and after. */
    @Parameter(property = "migrate.report")
    private File report;

    /** Offline when {@code migrate.sql=true} or a {@code migrate.output} file is named. */
    protected boolean offline() {
        return sql || output != null;
    }

    protected void emit(String script) {
        Output.write(script, output, getLog());
    }

    /** Writes the run's JSON report to {@code migrate.report}, and prints it with {@code migrate.format=json}. */
    protected void reportRun(RunSummary result) {
        if (report != null) {
            Output.write(result.toJson() + System.lineSeparator(), report, getLog());
        }
        if ("json".equalsIgnoreCase(format)) {
            System.out.println(PluginMessages.text(result.toJson()));
        }
    }
}
