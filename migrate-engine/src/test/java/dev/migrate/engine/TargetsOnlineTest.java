package dev.migrate.engine;

import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.database.MigrationListener;
import dev.migrate.engine.graph.AmbiguousRevisionException;
import dev.migrate.engine.graph.RangeNotAllowedException;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Targets as the commands take them, on a real database: an online upgrade, downgrade or stamp
 * given a range is refused before anything runs (Alembic: "Range revision not allowed"), and a
 * short unique prefix names its revision.
 */
@ExtendWith(TestDatabaseExtension.class)
class TargetsOnlineTest {
    private static final String REFUSED = "Range '001_initial:002_add_email' not allowed here: a range from:to is "
            + "only for offline SQL (migrate.sql=true) and history. Give one target, such as 'heads', 'base', a revision "
            + "id, 'label@head' or '-1'.";

    @TempDir
    Path project;

    @Test
    void onlineRangeIsRefusedBeforeAnythingRuns(TestDatabase db) throws IOException {
        writeRevisions();
        List<String> lines = new ArrayList<>();
        try (Migrate migrate = open(db, lines)) {
            RangeNotAllowedException up = assertThrows(RangeNotAllowedException.class,
                    () -> migrate.upgrade("001_initial:002_add_email", RunOptions.DEFAULT));
            assertEquals(REFUSED, up.getMessage());
            assertEquals("001_initial:002_add_email", up.range().text());
            assertThrows(RangeNotAllowedException.class,
                    () -> migrate.downgrade("001_initial:002_add_email", RunOptions.DEFAULT));
            assertThrows(RangeNotAllowedException.class,
                    () -> migrate.stamp(List.of("001_initial:002_add_email"), false, Optional.empty()));
        }
        assertEquals(1, lines.size(), lines::toString);
        assertFalse(db.tableExists("public", "migrate_version"), "no version table: nothing connected");
        assertFalse(db.tableExists("public", "users"), "no revision ran");
    }

    @Test
    void shortPrefixFindsItsRevision(TestDatabase db) throws IOException {
        writeRevisions();
        List<String> lines = new ArrayList<>();
        try (Migrate migrate = open(db, lines)) {
            migrate.upgrade("001", RunOptions.DEFAULT);
            assertEquals(List.of("001_initial"), db.query("SELECT version_num FROM migrate_version"));
            assertTrue(db.tableExists("public", "users"));
            assertFalse(lines.stream().anyMatch(l -> l.contains("002_add_email")), lines::toString);

            AmbiguousRevisionException e = assertThrows(AmbiguousRevisionException.class,
                    () -> migrate.upgrade("00", RunOptions.DEFAULT));
            assertEquals("Revision '00' is ambiguous; it matches 2 revisions: 001_initial, 002_add_email. "
                    + "Give more characters.", e.getMessage());
            assertEquals(List.of("001_initial"), db.query("SELECT version_num FROM migrate_version"));
        }
    }

    @Test
    void offlineRangeStillWritesItsScript() throws IOException {
        writeRevisions();
        try (Migrate migrate = open(null, new ArrayList<>())) {
            String script = migrate.upgradeSql("001:002", RunOptions.DEFAULT);
            assertTrue(script.contains("ALTER TABLE users ADD COLUMN email text"), script);
            assertFalse(script.contains("CREATE TABLE users"), script);
        }
    }

    private Migrate open(TestDatabase db, List<String> lines) {
        Map<String, String> system = new HashMap<>();
        system.put("migrate.url", db == null ? "postgresql://app@127.0.0.1:1/app" : db.jdbcUrl());
        if (db != null) {
            db.properties().stringPropertyNames().forEach(k -> system.put("migrate." + k, db.properties().getProperty(k)));
        }
        EnvironmentRequest request = new EnvironmentRequest(project, Optional.of("local"), Map.of(), system,
                Map.of(), Optional.empty(), id -> Optional.empty());
        return Migrate.open(ProjectLayout.standard(project), request, lines::add);
    }

    private void writeRevisions() throws IOException {
        Path versions = Files.createDirectories(project.resolve("src/main/migrations/versions"));
        Files.writeString(versions.resolve("001_initial.sql"), """
                -- initial
                --
                -- Revision ID: 001_initial
                -- Revises:

                -- migrate:upgrade
                CREATE TABLE users (id bigint PRIMARY KEY);

                -- migrate:downgrade
                DROP TABLE users;
                """);
        Files.writeString(versions.resolve("002_add_email.sql"), """
                -- add email
                --
                -- Revision ID: 002_add_email
                -- Revises: 001_initial

                -- migrate:upgrade
                ALTER TABLE users ADD COLUMN email text;

                -- migrate:downgrade
                ALTER TABLE users DROP COLUMN email;
                """);
    }
}
