package dev.migrate.maven;

import dev.migrate.engine.Advice;
import dev.migrate.engine.MigrateException;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Engine errors and lines as a Maven user reads them: where the engine names a setting, the
 * plugin writes the property to pass ({@code sql=true} becomes {@code -Dmigrate.sql=true}); where
 * it names a command, the goal to run ({@code upgrade} becomes {@code mvn migrate:upgrade}).
 */
final class PluginMessages {
    private PluginMessages() {
    }

    /**
     * The build failure for an engine error, by its kind, Maven's convention: the user's content
     * (a bad target, failing SQL, multiple heads) fails the build ({@link MojoFailureException}),
     * the environment (an unreachable server, the embedded server, an unreadable file) is an error
     * of the build ({@link MojoExecutionException}). The message is the engine's, in Maven's words.
     * When it was rewritten, the engine's error is kept as a suppressed exception rather than the
     * cause: Maven appends every cause's message to the failure line, which would repeat the advice
     * in the engine's words.
     */
    static AbstractMojoExecutionException failure(MigrateException e) {
        String message = of(e);
        boolean rewritten = !message.equals(e.getMessage());
        AbstractMojoExecutionException failure = e.kind() == MigrateException.Kind.ENVIRONMENT
                ? new MojoExecutionException(message, rewritten ? null : e)
                : new MojoFailureException(message, rewritten ? null : e);
        if (rewritten) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    /** Throws the failure for a content error; returns the one for an environment error, to throw. */
    static MojoExecutionException raise(MigrateException e) throws MojoFailureException {
        AbstractMojoExecutionException failure = failure(e);
        if (failure instanceof MojoFailureException content) {
            throw content;
        }
        return (MojoExecutionException) failure;
    }

    static String of(MigrateException e) {
        return e.message(PluginMessages::property, PluginMessages::goal);
    }

    /** Any engine text (log lines, reports) in Maven's words. */
    static String text(String text) {
        return Advice.render(text, PluginMessages::property, PluginMessages::goal);
    }

    private static String property(String nameAndValue) {
        return "-D" + Advice.PREFIX + nameAndValue;
    }

    private static String goal(String name) {
        return "mvn migrate:" + name;
    }
}
