package dev.migrate.maven;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.graph.RangeNotAllowedException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Engine errors as a Maven user reads them: where the engine's advice names a setting, the
 * plugin writes it as the property to pass ({@code sql=true} becomes {@code -Dmigrate.sql=true}).
 */
final class PluginMessages {
    private PluginMessages() {
    }

    /**
     * The build failure for an engine error. When the message was rewritten, the engine's error is
     * kept as a suppressed exception rather than the cause: Maven appends every cause's message
     * to the failure line, which would repeat the advice in the engine's words.
     */
    static MojoFailureException failure(MigrateException e) {
        String message = of(e);
        if (message.equals(e.getMessage())) {
            return new MojoFailureException(message, e);
        }
        MojoFailureException failure = new MojoFailureException(message);
        failure.addSuppressed(e);
        return failure;
    }

    static String of(MigrateException e) {
        if (e instanceof RangeNotAllowedException range) {
            return range.message(setting -> "-Dmigrate." + setting);
        }
        return e.getMessage();
    }
}
