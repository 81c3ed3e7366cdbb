package dev.migrate.engine.config;

import dev.migrate.engine.MigrateException;

/**
 * Root of the errors about environments and connection settings, errors of the environment
 * ({@link Kind#ENVIRONMENT}). Raised before any connection is
 * attempted; messages name the setting and where it came from, never its secret value.
 */
public class ConfigException extends MigrateException {
    public ConfigException(String message) {
        super(Kind.ENVIRONMENT, message);
    }

    public ConfigException(String message, Throwable cause) {
        super(Kind.ENVIRONMENT, message, cause);
    }
}
