package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.engine.config.InvalidSettingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The POM's plugin configuration is printed by Maven itself with {@code -X}, so a password there,
 * alone or inside the url, is refused before anything else happens, and the message does not
 * repeat it.
 */
class BuildSettingsPasswordTest {
    private static final String PASSWORD = "Pw-7f3k@:/+%# x";
    private static final String ADVICE = "Maven prints plugin configuration with -X, so it would end up in build "
            + "logs; put it in MIGRATE_PASSWORD, .env, environments/NAME.properties or a settings.xml <server> "
            + "(serverId)";

    @TempDir
    Path project;

    private Migrate open(Map<String, String> buildSettings, List<String> lines) {
        EnvironmentRequest request = new EnvironmentRequest(project, Optional.of("local"), buildSettings, Map.of(),
                Map.of(), Optional.empty(), id -> Optional.empty());
        return Migrate.open(ProjectLayout.standard(project), request, lines::add);
    }

    @Test
    void passwordKeyIsRefused() {
        List<String> lines = new ArrayList<>();
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> open(
                Map.of("url", "postgresql://app@127.0.0.1:1/app", "password", PASSWORD), lines));
        assertEquals("Invalid password from plugin configuration <password>: the POM is no place for a password: "
                + ADVICE, e.getMessage());
        assertEquals("password", e.key());
        assertTrue(lines.isEmpty(), lines::toString);
    }

    @Test
    void passwordInsideTheUrlIsRefused() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> open(
                Map.of("url", "postgresql://app:Pw-7f3k%40%3A%2F%2B%25%23%20x@127.0.0.1:1/app"), new ArrayList<>()));
        assertEquals("Invalid url from plugin configuration <url>: it holds a password, and the POM is no place "
                + "for one: " + ADVICE, e.getMessage());
        assertFalse(e.getMessage().contains("7f3k"));
    }

    @Test
    void jdbcUrlWithAPasswordParameterIsRefused() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> open(
                Map.of("url", "jdbc:postgresql://127.0.0.1:1/app?user=app&password=Pw-7f3k"), new ArrayList<>()));
        assertEquals("url", e.key());
    }

    @Test
    void urlWithoutPasswordIsAccepted() {
        List<String> lines = new ArrayList<>();
        try (Migrate ignored = open(Map.of("url", "postgresql://app@127.0.0.1:1/app"), lines)) {
            assertEquals("Environment local: postgresql://app@127.0.0.1:1/app (schema public)", lines.get(0));
        }
    }
}
