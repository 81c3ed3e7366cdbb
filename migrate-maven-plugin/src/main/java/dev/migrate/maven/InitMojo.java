package dev.migrate.maven;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.Scaffold;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;

/**
 * Scaffolds a project: environment profiles, the versions folder, a revision template and a
 * schema folder, never overwriting; writes a pom.xml when there is none, else prints the snippet.
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends AbstractMojo {
    /** Folder to scaffold (default: the current project or working directory). */
    @Parameter(property = "migrate.dir", defaultValue = "${basedir}")
    private File dir;

    @Parameter(property = "migrate.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        try {
            PropertyCheck.refuseUnknown(session);
        } catch (MigrateException e) {
            throw PluginMessages.raise(e);
        }
        if (skip) {
            getLog().info("Skipping migrate (migrate.skip=true)");
            return;
        }
        try {
            Path base = dir.toPath();
            Scaffold.Result result = Scaffold.create(base);
            result.created().forEach(p -> getLog().info("Created " + base.relativize(p)));
            result.kept().forEach(p -> getLog().info("Kept existing " + base.relativize(p)));
            if (!result.pomWritten()) {
                getLog().info("Add this to your pom.xml (the plugin, and one profile per environment):");
                getLog().info(System.lineSeparator() + result.pomSnippet());
            }
            getLog().info("Next: mvn migrate:revision -Dmigrate.message=\"create users\", then mvn migrate:upgrade");
        } catch (MigrateException e) {
            throw PluginMessages.raise(e);
        }
    }
}
