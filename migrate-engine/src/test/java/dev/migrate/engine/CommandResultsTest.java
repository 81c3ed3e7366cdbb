package dev.migrate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands return records: what an upgrade ran with its durations and the heads before and
 * after, the revisions {@code current} finds with their markers; their JSON is those records'.
 */
@ExtendWith(TestDatabaseExtension.class)
class CommandResultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path project;

    @Test
    void upgradeAndDowngradeReturnWhatRanAndTheHeads(TestDatabase db) throws IOException {
        write("a1a1a1a1a1a1", "", "create accounts");
        write("b2b2b2b2b2b2", "a1a1a1a1a1a1", "create orders");
        try (Migrate migrate = open(db)) {
            RunSummary up = migrate.upgrade("heads", RunOptions.DEFAULT);
            assertEquals("upgrade", up.command());
            assertEquals("local", up.environment());
            assertEquals(Set.of(), up.headsBefore());
            assertEquals(Set.of("b2b2b2b2b2b2"), up.headsAfter());
            assertEquals(List.of("a1a1a1a1a1a1", "b2b2b2b2b2b2"), up.steps().stream().map(RunSummary.StepRun::revision).toList());
            assertEquals(List.of("create accounts", "create orders"), up.steps().stream().map(RunSummary.StepRun::message).toList());
            assertTrue(up.steps().stream().allMatch(s -> s.durationMs() >= 0 && s.direction().equals("upgrade")));

            JsonNode json = JSON.readTree(up.toJson());
            assertEquals("upgrade", json.get("command").asText());
            assertEquals("b2b2b2b2b2b2", json.get("headsAfter").get(0).asText());
            assertEquals(0, json.get("headsBefore").size());
            assertEquals("a1a1a1a1a1a1", json.get("steps").get(0).get("revision").asText());
            assertTrue(json.get("steps").get(0).get("durationMs").isNumber());
            assertTrue(json.get("durationMs").isNumber());
            assertTrue(json.get("lockWaitMs").isNumber());

            RunSummary down = migrate.downgrade("-1", RunOptions.DEFAULT);
            assertEquals(Set.of("b2b2b2b2b2b2"), down.headsBefore());
            assertEquals(Set.of("a1a1a1a1a1a1"), down.headsAfter());
            assertEquals("downgrade", down.steps().get(0).direction());
            assertFalse(migrate.upgrade("heads", RunOptions.DEFAULT).nothingToDo());
            assertTrue(migrate.upgrade("heads", RunOptions.DEFAULT).nothingToDo());
        }
    }

    @Test
    void currentMarksTheRevisionsTheDatabaseIsAt(TestDatabase db) throws IOException {
        write("a1a1a1a1a1a1", "", "create accounts");
        write("b2b2b2b2b2b2", "a1a1a1a1a1a1", "create orders");
        try (Migrate migrate = open(db)) {
            migrate.upgrade("a1a1a1a1a1a1", RunOptions.DEFAULT);
            RevisionList current = migrate.current();
            assertEquals(1, current.entries().size());
            RevisionEntry entry = current.entries().get(0);
            assertEquals("a1a1a1a1a1a1", entry.revision());
            assertTrue(entry.current());
            assertFalse(entry.head());
            assertEquals(List.of("a1a1a1a1a1a1"), current.lines(false), "Alembic's current marks no line (current)");

            JsonNode json = JSON.readTree(current.toJson());
            assertEquals("local", json.get("environment").asText());
            assertEquals("a1a1a1a1a1a1", json.get("current").get(0).get("revision").asText());
            assertTrue(json.get("current").get(0).get("current").asBoolean());
            assertTrue(json.get("current").get(0).get("file").asText().endsWith("a1a1a1a1a1a1.sql"));
        }
    }

    private Migrate open(TestDatabase db) {
        Map<String, String> system = new HashMap<>();
        system.put("migrate.url", db.jdbcUrl());
        db.properties().stringPropertyNames().forEach(k -> system.put("migrate." + k, db.properties().getProperty(k)));
        EnvironmentRequest request = new EnvironmentRequest(project, Optional.of("local"), Map.of(), system,
                Map.of(), Optional.empty(), id -> Optional.empty());
        return Migrate.open(ProjectLayout.standard(project), request, new ArrayList<String>()::add);
    }

    private void write(String id, String revises, String message) throws IOException {
        Path versions = Files.createDirectories(project.resolve("src/main/migrations/versions"));
        Files.writeString(versions.resolve(id + ".sql"), "-- " + message + "\n--\n-- Revision ID: " + id
                + "\n-- Revises: " + revises + "\n\n-- migrate:upgrade\nCREATE TABLE t_" + id + " (id int);\n\n"
                + "-- migrate:downgrade\nDROP TABLE t_" + id + ";\n");
    }
}
