package dev.migrate.maven;

import dev.migrate.engine.DatabaseConnection;
import dev.migrate.engine.Migrate;
import dev.migrate.engine.database.RunOptions;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;

/** Upgrades the database to a target, by default all heads ({@code alembic upgrade heads}). */
@Mojo(name = "upgrade", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class UpgradeMojo extends AbstractScriptMojo {
    /** Target: {@code heads}, {@code head}, a revision, {@code label@head}, {@code +N}; with sql, a range {@code from:to}. */
    @Parameter(property = "migrate.target", defaultValue = "heads")
    private String target;

    /** Revisions whose edited files are accepted (comma-separated). */
    @Parameter(property = "migrate.acceptChanged")
    private String acceptChanged;

    /** The interrupted non-transactional revision to continue after its last recorded statement. */
    @Parameter(property = "migrate.resume")
    private String resume;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Override
    protected void run(Migrate migrate) {
        if (offline()) {
            emit(migrate.upgradeSql(target, RunOptions.of(transaction, null, null)));
        } else {
            reportRun(migrate.upgrade(target, RunOptions.of(transaction, acceptChanged, null).withResume(resume)));
            if (mojoExecution.getLifecyclePhase() != null) {
                exportConnection(migrate.exportConnection());
            }
        }
    }

    /**
     * Bound to a phase of the build (not called as {@code mvn migrate:upgrade}): sets
     * {@code migrate.jdbcUrl}, {@code migrate.user} and {@code migrate.password} as properties of the
     * project, for the goals after this one (failsafe's {@code systemPropertyVariables}); the password
     * is never printed.
     */
    private void exportConnection(DatabaseConnection connection) {
        java.util.Properties properties = session.getCurrentProject().getProperties();
        properties.setProperty("migrate.jdbcUrl", connection.jdbcUrl());
        properties.setProperty("migrate.user", connection.user());
        properties.setProperty("migrate.password", connection.password());
        getLog().info("Integration tests can connect through ${migrate.jdbcUrl} (" + connection.jdbcUrl()
                + "), ${migrate.user} (" + connection.user() + ") and ${migrate.password}.");
    }
}
