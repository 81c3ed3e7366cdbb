package dev.migrate.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The commented example profiles in the repository's environments/ folder resolve as documented. */
class ExampleEnvironmentsTest {
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    private final EnvironmentResolver resolver = EnvironmentResolver.forProject(REPOSITORY)
            .withEnvironmentVariables(Map.of("STAGING_DB_PASSWORD", "st-pw", "SUPABASE_DB_PASSWORD", "sb-pw"));

    @Test
    void theExamplesAreThere() {
        assertTrue(Files.isRegularFile(REPOSITORY.resolve("environments/default.properties")), REPOSITORY.toString());
        assertEquals(List.of("local", "staging", "supabase"), resolver.knownEnvironments());
    }

    @Test
    void local() {
        EnvironmentConfig config = resolver.resolve("local");
        assertTrue(config.embedded());
        assertEquals(Optional.of(Duration.ofSeconds(5)), config.lockTimeout());
        assertEquals(List.of(), config.notices());
    }

    @Test
    void staging() {
        EnvironmentConfig config = resolver.resolve("staging");
        assertEquals("Environment staging: postgresql://app@db.staging.example.com:5432/app (schema public)",
                config.description());
        assertEquals(Optional.of("st-pw"), config.password());
        assertEquals("verify-full", config.driverProperties().getProperty("sslmode"));
        assertTrue(config.protectedEnvironment());
        assertEquals(Map.of("lock_timeout", "5s", "statement_timeout", "30min"), config.sessionSettings());
        assertEquals(List.of(), config.notices());
    }

    @Test
    void stagingWithoutItsPassword() {
        assertEquals("The password in environments/staging.properties refers to ${env:STAGING_DB_PASSWORD}, which is "
                        + "not set; set the environment variable STAGING_DB_PASSWORD or define it in .env",
                assertThrows(UnresolvedVariableException.class,
                        () -> EnvironmentResolver.forProject(REPOSITORY).resolve("staging")).getMessage());
    }

    @Test
    void supabase() {
        EnvironmentConfig config = resolver.resolve("supabase");
        assertEquals("Environment supabase: postgresql://postgres.abcdefghijklmnopqrst@"
                + "aws-0-eu-central-1.pooler.supabase.com:5432/postgres (schema public)", config.description());
        assertEquals("require", config.driverProperties().getProperty("sslmode"));
        assertEquals(PoolerMode.SESSION, config.pooler());
        assertTrue(config.supabase());
        assertTrue(config.protectedEnvironment());
        assertEquals(List.of(), config.notices());
    }
}
