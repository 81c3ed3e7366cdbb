package dev.migrate.maven;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.graph.RangeNotAllowedException;

/**
 * Engine messages as a Maven user reads them: where the engine's advice names a setting, the
 * plugin writes it as the property to pass ({@code sql=true} becomes {@code -Dmigrate.sql=true}).
 */
final class PluginMessages {
    private PluginMessages() {
    }

    static String of(MigrateException e) {
        if (e instanceof RangeNotAllowedException range) {
            return range.message(setting -> "-Dmigrate." + setting);
        }
        return e.getMessage();
    }
}
