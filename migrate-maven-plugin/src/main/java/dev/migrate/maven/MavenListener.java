package dev.migrate.maven;

import dev.migrate.engine.database.MigrationListener;
import org.apache.maven.plugin.logging.Log;

/** Sends the engine's progress lines to Maven's log. */
final class MavenListener implements MigrationListener {
    private final Log log;

    MavenListener(Log log) {
        this.log = log;
    }

    @Override
    public void info(String line) {
        log.info(PluginMessages.text(line));
    }

    @Override
    public void warn(String line) {
        log.warn(PluginMessages.text(line));
    }

    @Override
    public void debug(String line) {
        if (log.isDebugEnabled()) {
            log.debug(PluginMessages.text(line));
        }
    }
}
