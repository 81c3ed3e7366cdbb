package dev.migrate.engine;

import dev.migrate.engine.config.Credentials;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the caller knows that decides which database a run targets, layer by layer (SPEC §6):
 * the project folder (for {@code .env} and {@code environments/}), the requested environment,
 * the build's own settings, system properties, environment variables, and credentials from the
 * build tool's server store (the configured server's, and a lookup for environments that name
 * their own {@code serverId}). The engine resolves it in one place.
 */
public record EnvironmentRequest(
        Path baseDirectory,
        Optional<String> name,
        Map<String, String> buildSettings,
        Map<String, String> systemProperties,
        Map<String, String> environmentVariables,
        Optional<Credentials> serverCredentials,
        Function<String, Optional<Credentials>> serverLookup) {

    public EnvironmentRequest {
        buildSettings = Map.copyOf(buildSettings);
        systemProperties = Map.copyOf(systemProperties);
        environmentVariables = Map.copyOf(environmentVariables);
    }

    /** A request with only the project folder, environment name and system properties. */
    public static EnvironmentRequest of(Path baseDirectory, String name, Map<String, String> systemProperties) {
        return new EnvironmentRequest(baseDirectory, Optional.ofNullable(name), Map.of(), systemProperties, Map.of(),
                Optional.empty(), id -> Optional.empty());
    }
}
