package dev.migrate.engine.config;

import java.util.List;

/** The environment asked for has no {@code environments/NAME.properties} and is not {@code local}. */
public final class UnknownEnvironmentException extends ConfigException {
    private final String environment;
    private final List<String> knownEnvironments;

    public UnknownEnvironmentException(String environment, List<String> knownEnvironments) {
        super("Unknown environment '" + environment + "'; known environments: " + String.join(", ", knownEnvironments)
                + " (an environment NAME is defined by environments/NAME.properties)");
        this.environment = environment;
        this.knownEnvironments = List.copyOf(knownEnvironments);
    }

    public String environment() {
        return environment;
    }

    public List<String> knownEnvironments() {
        return knownEnvironments;
    }
}
