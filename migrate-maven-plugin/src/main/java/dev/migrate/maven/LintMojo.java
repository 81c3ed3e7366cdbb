package dev.migrate.maven;

import dev.migrate.engine.Migrate;
import dev.migrate.engine.lint.Finding;
import dev.migrate.engine.lint.LintFailedException;
import dev.migrate.engine.lint.LintResult;
import dev.migrate.engine.lint.Severity;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * What each pending revision will do to a live database (locks per table and mode, rewrites,
 * full scans, destructive and backward-incompatible changes), measured on a scratch database,
 * plus static rules. Fails at or above {@code migrate.failOn}.
 */
@Mojo(name = "lint", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class LintMojo extends AbstractMigrateMojo {
    /** Revisions to lint, {@code from:to}; default the pending ones (all when the database cannot be reached). */
    @Parameter(property = "migrate.range")
    private String range;

    /** Lowest severity that fails the build: {@code error} (default), {@code warning} or {@code info}. */
    @Parameter(property = "migrate.failOn", defaultValue = "error")
    private String failOn;

    /** Target PostgreSQL major version when the live server cannot be asked (default 17). */
    @Parameter(property = "migrate.pgVersion")
    private String pgVersion;

    /** File receiving the text or JSON report instead of the log. */
    @Parameter(property = "migrate.output")
    private File output;

    @Override
    protected void run(Migrate migrate) {
        Severity threshold = Severity.parse(failOn);
        LintResult result = migrate.lint(range, pgVersion);
        if ("json".equalsIgnoreCase(format)) {
            Output.write(result.toJson() + System.lineSeparator(), output, getLog());
        } else if (output != null) {
            Output.write(String.join(System.lineSeparator(), result.lines()) + System.lineSeparator()
                    + String.join(System.lineSeparator(), result.findings().stream().map(Finding::text).toList())
                    + System.lineSeparator(), output, getLog());
        } else {
            result.lines().forEach(line -> getLog().info(PluginMessages.text(line)));
            for (Finding finding : result.findings()) {
                if (finding.accepted() || finding.severity() == Severity.INFO) {
                    getLog().info(PluginMessages.text(finding.text()));
                } else if (finding.severity() == Severity.ERROR) {
                    getLog().error(PluginMessages.text(finding.text()));
                } else {
                    getLog().warn(PluginMessages.text(finding.text()));
                }
            }
        }
        getLog().info(PluginMessages.text(result.summary()));
        if (result.fails(threshold)) {
            throw new LintFailedException(result, threshold);
        }
    }
}
