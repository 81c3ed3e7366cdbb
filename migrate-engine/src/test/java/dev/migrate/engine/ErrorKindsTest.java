package dev.migrate.engine;

import dev.migrate.engine.config.MissingPropertyException;
import dev.migrate.engine.config.ProtectedEnvironmentException;
import dev.migrate.engine.database.DatabaseConnectionException;
import dev.migrate.engine.database.MigrationFailedException;
import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.graph.MultipleHeadsException;
import dev.migrate.engine.scripts.MalformedRevisionFileException;
import dev.migrate.engine.scripts.RevisionRequestException;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every error says whose it is: the user's content (failing SQL, several heads, a bad request) or
 * the environment (an unreachable server); scrubbing a password out of an error keeps its type,
 * kind and data; advice names settings and commands so that a caller writes them in its words.
 */
@ExtendWith(TestDatabaseExtension.class)
class ErrorKindsTest {
    private static final String SECRET = "Zq7pWordOfPass";

    @TempDir
    Path project;

    @Test
    void anUnreachableServerIsTheEnvironment() throws IOException {
        write("a1a1a1a1a1a1", "", "SELECT 1;");
        try (Migrate migrate = open(Map.of("migrate.url", "postgresql://app@127.0.0.1:1/app"))) {
            DatabaseConnectionException e = assertThrows(DatabaseConnectionException.class,
                    () -> migrate.upgrade("heads", RunOptions.DEFAULT));
            assertEquals(MigrateException.Kind.ENVIRONMENT, e.kind());
            assertTrue(e.getMessage().startsWith("Cannot connect to "), e.getMessage());
        }
    }

    @Test
    void failingSqlIsTheUsersContent(TestDatabase db) throws IOException {
        write("a1a1a1a1a1a1", "", "SELECT 1 / 0;");
        try (Migrate migrate = open(on(db))) {
            MigrationFailedException e = assertThrows(MigrationFailedException.class,
                    () -> migrate.upgrade("heads", RunOptions.DEFAULT));
            assertEquals(MigrateException.Kind.CONTENT, e.kind());
            assertEquals("a1a1a1a1a1a1", e.revision());
        }
    }

    @Test
    void scrubbingThePasswordKeepsTypeKindAndData(TestDatabase db) throws IOException {
        write("a1a1a1a1a1a1", "", "SELECT '" + SECRET + "'::int;");
        Map<String, String> settings = new HashMap<>(on(db));
        settings.put("migrate.password", SECRET);
        try (Migrate migrate = open(settings)) {
            MigrationFailedException e = assertThrows(MigrationFailedException.class,
                    () -> migrate.upgrade("heads", RunOptions.DEFAULT));
            assertEquals(MigrateException.Kind.CONTENT, e.kind());
            assertEquals("a1a1a1a1a1a1", e.revision());
            assertFalse(e.getMessage().contains(SECRET), e.getMessage());
            assertTrue(e.getMessage().contains("invalid input syntax for type integer: \"***\""), e.getMessage());
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t).contains(SECRET), String.valueOf(t));
            }
        }
    }

    @Test
    void upgradeReportsABrokenFileBeforeAnUnreachableServer() throws IOException {
        brokenFile();
        try (Migrate migrate = open(Map.of("migrate.url", "postgresql://app@127.0.0.1:1/app"))) {
            MalformedRevisionFileException e = assertThrows(MalformedRevisionFileException.class,
                    () -> migrate.upgrade("heads", RunOptions.DEFAULT));
            assertEquals(MigrateException.Kind.CONTENT, e.kind());
        }
    }

    @Test
    void currentReportsAnUnreachableServerBeforeABrokenFile() throws IOException {
        brokenFile();
        try (Migrate migrate = open(Map.of("migrate.url", "postgresql://app@127.0.0.1:1/app"))) {
            assertThrows(DatabaseConnectionException.class, migrate::current);
        }
    }

    @Test
    void aBrokenFileLeavesNoConnectionOpen(TestDatabase db) throws IOException, InterruptedException {
        brokenFile();
        try (Migrate migrate = open(on(db))) {
            assertThrows(MalformedRevisionFileException.class, () -> migrate.upgrade("heads", RunOptions.DEFAULT));
        }
        String open = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'migrate'";
        for (int i = 0; i < 100 && !db.query(open).equals(List.of("0")); i++) {
            Thread.sleep(20); // a closed connection's backend exits a moment later
        }
        assertEquals(List.of("0"), db.query(open));
    }

    @Test
    void severalHeadsForANewRevisionAreTheUsersContent() throws IOException {
        write("a1a1a1a1a1a1", "", "SELECT 1;");
        write("b2b2b2b2b2b2", "", "SELECT 1;");
        try (Migrate migrate = open(Map.of("migrate.url", "postgresql://app@127.0.0.1:1/app"))) {
            RevisionRequestException e = assertThrows(RevisionRequestException.class, () -> migrate.revision(
                    new RevisionRequest("next", "head", List.of(), List.of(), null, false, null)));
            assertEquals(MigrateException.Kind.CONTENT, e.kind());
            assertEquals("head", e.setting());
            assertInstanceOf(MultipleHeadsException.class, e.getCause());
            assertEquals("Multiple heads are present: a1a1a1a1a1a1, b2b2b2b2b2b2. Name the head to build on with "
                    + "migrate.head=REV (or label@head), or merge them first with the merge command.", e.getMessage());
            assertEquals("Multiple heads are present: a1a1a1a1a1a1, b2b2b2b2b2b2. Name the head to build on with "
                    + "-Dmigrate.head=REV (or label@head), or merge them first with mvn migrate:merge.",
                    e.message(s -> "-Dmigrate." + s, c -> "mvn migrate:" + c));
        }
    }

    @Test
    void adviceNamesSettingsAndCommandsForTheCallerToWrite() {
        ProtectedEnvironmentException confirm = new ProtectedEnvironmentException("staging", "downgrade");
        assertEquals(MigrateException.Kind.ENVIRONMENT, confirm.kind());
        assertEquals("Environment staging is protected: downgrade needs migrate.confirm=staging", confirm.getMessage());
        assertEquals("Environment staging is protected: downgrade needs -Dmigrate.confirm=staging",
                confirm.message(s -> "-Dmigrate." + s));
        MissingPropertyException missing = new MissingPropertyException("downgrade", "migrate.target", "-1", "the revision");
        assertEquals("downgrade needs -Dmigrate.target (the revision), e.g. mvn migrate:downgrade -Dmigrate.target=-1",
                missing.message(s -> "-Dmigrate." + s, c -> "mvn migrate:" + c));
        assertFalse(missing.getMessage().contains("-D"), missing.getMessage());
    }

    private static Map<String, String> on(TestDatabase db) {
        Map<String, String> system = new HashMap<>();
        system.put("migrate.url", db.jdbcUrl());
        db.properties().stringPropertyNames().forEach(k -> system.put("migrate." + k, db.properties().getProperty(k)));
        return system;
    }

    private Migrate open(Map<String, String> system) {
        EnvironmentRequest request = new EnvironmentRequest(project, Optional.of("local"), Map.of(), system,
                Map.of(), Optional.empty(), id -> Optional.empty());
        return Migrate.open(ProjectLayout.standard(project), request, new ArrayList<String>()::add);
    }

    private void brokenFile() throws IOException {
        Path versions = Files.createDirectories(project.resolve("src/main/migrations/versions"));
        Files.writeString(versions.resolve("broken.sql"), "-- no header at all\nSELECT 1;\n");
    }

    private void write(String id, String revises, String upgrade) throws IOException {
        Path versions = Files.createDirectories(project.resolve("src/main/migrations/versions"));
        Files.writeString(versions.resolve(id + ".sql"), "-- revision " + id + "\n--\n-- Revision ID: " + id
                + "\n-- Revises: " + revises + "\n\n-- migrate:upgrade\n" + upgrade + "\n\n-- migrate:downgrade\nSELECT 1;\n");
    }
}
