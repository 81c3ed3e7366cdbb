package dev.migrate.maven;

import dev.migrate.engine.Migrate;
import dev.migrate.engine.verify.VerifyFailedException;
import dev.migrate.engine.verify.VerifyReport;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * The round-trip test of every revision on a scratch database: upgrade, downgrade, the schema
 * compared with the one before, upgrade again. Fails with one line per problem.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.INTEGRATION_TEST, requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class VerifyMojo extends AbstractMigrateMojo {
    /** Verify irreversible revisions upgrade only instead of failing on them. */
    @Parameter(property = "migrate.allowIrreversible", defaultValue = "false")
    private boolean allowIrreversible;

    /** Seed data loaded after {@code migrate.seedAfter}; default {@code src/main/migrations/seed.sql} when present. */
    @Parameter(property = "migrate.seed")
    private String seed;

    /** The revision after which the seed data is loaded; default the first one. */
    @Parameter(property = "migrate.seedAfter")
    private String seedAfter;

    /** File for the JSON report: every revision with its outcome and time, the problems. */
    @Parameter(property = "migrate.report")
    private File report;

    @Override
    protected void run(Migrate migrate) {
        VerifyReport result = migrate.verify(allowIrreversible, seed, seedAfter);
        String newline = System.lineSeparator();
        if (report != null) {
            Output.write(PluginMessages.text(result.toJson()) + newline, report, getLog());
        }
        if ("json".equalsIgnoreCase(format)) {
            Output.write(PluginMessages.text(result.toJson()) + newline, output, getLog());
        } else if (output != null) {
            Output.write(PluginMessages.text(String.join(newline, result.lines(true))) + newline, output, getLog());
        }
        result.notes().forEach(n -> getLog().info(PluginMessages.text(n)));
        getLog().info(PluginMessages.text(result.summary()));
        if (!result.passed()) {
            throw new VerifyFailedException(result);
        }
    }
}
