package dev.migrate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code heads} on a graph where one branch's head is only depended on by a
 * revision of another root: Alembic 1.8 lists it as an effective head. The expected lines are
 * Alembic's own output for the same graph ({@code alembic heads}).
 */
class HeadsReportTest {
    @TempDir
    Path project;

    @Test
    void headThatAnotherRevisionDependsOnIsAnEffectiveHead() throws IOException {
        Path versions = Files.createDirectories(project.resolve("src/main/migrations/versions"));
        write(versions, "a1a1a1a1a1a1", "", "", "create accounts");
        write(versions, "b2b2b2b2b2b2", "a1a1a1a1a1a1", "", "create users");
        write(versions, "c3c3c3c3c3c3", "", "b2b2b2b2b2b2", "create audit log");
        try (Migrate migrate = open()) {
            assertEquals(List.of("b2b2b2b2b2b2 (effective head)", "c3c3c3c3c3c3 (head)"), migrate.heads().lines(false));
            JsonNode heads = new ObjectMapper().readTree(migrate.heads().toJson()).get("heads");
            assertEquals("b2b2b2b2b2b2", heads.get(0).get("revision").asText());
            assertTrue(heads.get(0).get("effectiveHead").asBoolean());
            assertFalse(heads.get(0).get("head").asBoolean());
            assertEquals("c3c3c3c3c3c3", heads.get(1).get("revision").asText());
            assertFalse(heads.get(1).get("effectiveHead").asBoolean());
            assertTrue(heads.get(1).get("head").asBoolean());
        }
    }

    private Migrate open() {
        EnvironmentRequest request = new EnvironmentRequest(project, Optional.of("local"), Map.of(),
                Map.of("migrate.url", "postgresql://app@127.0.0.1:1/app"), Map.of(), Optional.empty(),
                id -> Optional.empty());
        return Migrate.open(ProjectLayout.standard(project), request, new ArrayList<String>()::add);
    }

    private static void write(Path versions, String id, String revises, String dependsOn, String message)
            throws IOException {
        Files.writeString(versions.resolve(id + ".sql"), "-- " + message + "\n--\n-- Revision ID: " + id
                + "\n-- Revises: " + revises + (dependsOn.isEmpty() ? "" : "\n-- Depends On: " + dependsOn)
                + "\n\n-- migrate:upgrade\nSELECT 1;\n\n-- migrate:downgrade\nSELECT 1;\n");
    }
}
