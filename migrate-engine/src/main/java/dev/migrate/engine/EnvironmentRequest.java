package dev.migrate.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the caller knows that decides which database a run targets, layer by layer (SPEC §6):
 * the project folder (for {@code .env} and {@code environments/}), the requested environment,
 * the build's own settings, system properties, environment variables and optional credentials
 * from the build tool's server store. The engine resolves it in one place.
 *
 * @param offline true for goals that never connect (no embedded server is started for them)
 */
public record EnvironmentRequest(
        Path baseDirectory,
        Optional<String> name,
        Map<String, String> buildSettings,
        Map<String, String> systemProperties,
        Map<String, String> environmentVariables,
        Optional<Credentials> serverCredentials,
        boolean offline) {

    public EnvironmentRequest {
        buildSettings = Map.copyOf(buildSettings);
        systemProperties = Map.copyOf(systemProperties);
        environmentVariables = Map.copyOf(environmentVariables);
    }

    /** User and password from a server store; {@link #toString} never shows the password. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }
}
