package dev.migrate.maven;

import dev.migrate.engine.Migrate;
import dev.migrate.engine.schema.CheckFailedException;
import dev.migrate.engine.schema.CheckReport;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * Fails, one line per finding, when the head schema differs from the desired schema, the live
 * database from the schema of its revisions (drift), an applied revision was edited, there are
 * several heads, a compared schema holds objects the differ cannot compare, or lint finds an error
 * in a pending revision ({@code alembic check}, and more).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class CheckMojo extends AbstractMigrateMojo {
    /** Objects the differ cannot compare (rules, publications, event triggers, ...) are noted instead of failing. */
    @Parameter(property = "migrate.allowUncompared", defaultValue = "false")
    private boolean allowUncompared;

    /** File receiving the JSON report. */
    @Parameter(property = "migrate.report")
    private File report;

    @Override
    protected void run(Migrate migrate) {
        CheckReport result = migrate.check(allowUncompared);
        String json = PluginMessages.text(result.toJson()) + System.lineSeparator();
        if (report != null) {
            Output.write(json, report, getLog());
        }
        if ("json".equalsIgnoreCase(format) || output != null) {
            Output.write("json".equalsIgnoreCase(format) ? json
                    : PluginMessages.text(String.join(System.lineSeparator(), result.lines())) + System.lineSeparator(), output, getLog());
        }
        result.notes().forEach(n -> getLog().info(PluginMessages.text(n)));
        if (output == null && !"json".equalsIgnoreCase(format)) {
            result.findings().forEach(f -> getLog().error(PluginMessages.text(f.message())));
            result.lines().subList(result.findings().size(), result.lines().size()).forEach(l -> getLog().info(PluginMessages.text(l)));
        }
        getLog().info(PluginMessages.text(result.summary()));
        if (!result.passed()) {
            throw new CheckFailedException(result);
        }
    }
}
