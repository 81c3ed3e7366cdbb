package dev.migrate.engine.config;

import static dev.migrate.engine.Advice.setting;

/** A downgrade or stamp against a {@code protected=true} environment without its confirmation. */
public final class ProtectedEnvironmentException extends ConfigException {
    private final String environment;
    private final String operation;

    public ProtectedEnvironmentException(String environment, String operation) {
        super("Environment " + environment + " is protected: " + operation + " needs "
                + setting("confirm=" + environment));
        this.environment = environment;
        this.operation = operation;
    }

    public String environment() {
        return environment;
    }

    public String operation() {
        return operation;
    }
}
