package dev.migrate.maven;

import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/** The goals that change the database, and so also have an offline mode that prints the SQL instead. */
abstract class AbstractScriptMojo extends AbstractMigrateMojo {
    /** Offline mode: print (or write to {@code migrate.output}) the SQL instead of running it; no connection is made. */
    @Parameter(property = "migrate.sql", defaultValue = "false")
    protected boolean sql;

    /** File for the offline SQL (default: standard output). */
    @Parameter(property = "migrate.output")
    private File output;

    /** {@code each} (a transaction per revision) or {@code all} (one for the whole run). */
    @Parameter(property = "migrate.transaction", defaultValue = "each")
    protected String transaction;

    protected void emit(String script) {
        Output.write(script, output, getLog());
    }
}
