package dev.migrate.engine;

import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Release scripts, {@code upgrade sql=true target=current:heads}: the start is read from the
 * database (read only), the script runs from there, and applying it reaches the target.
 */
@ExtendWith(TestDatabaseExtension.class)
class ReleaseScriptTest {
    @TempDir
    Path project;

    @Test
    void scriptFromTheDatabasesRevisionHoldsOnlyThePendingOnes(TestDatabase db) throws Exception {
        revision("001", "", "CREATE TABLE accounts (id bigint PRIMARY KEY);", "DROP TABLE accounts;");
        revision("002", "001", "ALTER TABLE accounts ADD COLUMN owner text;", "ALTER TABLE accounts DROP COLUMN owner;");
        revision("003", "002", "CREATE TABLE transfers (id bigint PRIMARY KEY);", "DROP TABLE transfers;");
        revision("004", "003", "CREATE INDEX transfers_id_idx ON transfers (id);", "DROP INDEX transfers_id_idx;");
        List<String> lines = new ArrayList<>();
        try (Migrate migrate = open(db, lines)) {
            migrate.upgrade("002", RunOptions.DEFAULT);
        }
        lines.clear();
        String script;
        try (Migrate migrate = open(db, lines)) {
            script = migrate.upgradeSql("current:heads", RunOptions.DEFAULT);
        }
        assertTrue(script.contains("CREATE TABLE transfers"), script);
        assertTrue(script.contains("CREATE INDEX transfers_id_idx"), script);
        assertFalse(script.contains("CREATE TABLE accounts"), script);
        assertFalse(script.contains("ADD COLUMN owner"), script);
        assertTrue(lines.stream().anyMatch(l -> l.equals("Release script for environment local from 002 (read from the"
                + " database) to 004: 003, 004.")), lines::toString);
        assertEquals(List.of("002"), db.query("SELECT version_num FROM migrate_version"), "nothing written");
        assertFalse(db.tableExists("public", "transfers"));

        apply(db, script);
        assertEquals(List.of("004"), db.query("SELECT version_num FROM migrate_version"));
        assertTrue(db.tableExists("public", "transfers"));
        try (Migrate migrate = open(db, new ArrayList<>())) {
            String none = migrate.upgradeSql("current:head", RunOptions.DEFAULT);
            assertFalse(none.contains("CREATE TABLE transfers") || none.contains("CREATE INDEX"), none);
        }
    }

    @Test
    void currentToARevisionStopsThereAndAnEmptyDatabaseStartsAtBase(TestDatabase db) throws Exception {
        revision("001", "", "CREATE TABLE accounts (id bigint PRIMARY KEY);", "DROP TABLE accounts;");
        revision("002", "001", "CREATE TABLE owners (id bigint PRIMARY KEY);", "DROP TABLE owners;");
        revision("003", "002", "CREATE TABLE transfers (id bigint PRIMARY KEY);", "DROP TABLE transfers;");
        String script;
        try (Migrate migrate = open(db, new ArrayList<>())) {
            script = migrate.upgradeSql("current:002", RunOptions.DEFAULT);
        }
        assertFalse(db.tableExists("public", "migrate_version"), "reading the state creates nothing");
        assertTrue(script.contains("CREATE TABLE accounts"), script);
        assertTrue(script.contains("CREATE TABLE owners"), script);
        assertFalse(script.contains("CREATE TABLE transfers"), script);
        apply(db, script);
        assertEquals(List.of("002"), db.query("SELECT version_num FROM migrate_version"));
    }

    @Test
    void severalCurrentHeadsAreUpgradedAsFromThoseRevisions(TestDatabase db) throws Exception {
        revision("001", "", "CREATE TABLE accounts (id bigint PRIMARY KEY);", "DROP TABLE accounts;");
        revision("02a", "001", "CREATE TABLE owners (id bigint PRIMARY KEY);", "DROP TABLE owners;");
        revision("02b", "001", "CREATE TABLE banks (id bigint PRIMARY KEY);", "DROP TABLE banks;");
        try (Migrate migrate = open(db, new ArrayList<>())) {
            migrate.upgrade("heads", RunOptions.DEFAULT);
        }
        revision("003", "02a, 02b", "CREATE TABLE transfers (id bigint PRIMARY KEY);", "DROP TABLE transfers;");
        String script;
        try (Migrate migrate = open(db, new ArrayList<>())) {
            script = migrate.upgradeSql("current:heads", RunOptions.DEFAULT);
        }
        assertFalse(script.contains("CREATE TABLE owners") || script.contains("CREATE TABLE banks"), script);
        assertTrue(script.contains("CREATE TABLE transfers"), script);
        apply(db, script);
        assertEquals(List.of("003"), db.query("SELECT version_num FROM migrate_version"));
    }

    private static void apply(TestDatabase db, String script) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(script);
        }
    }

    private Migrate open(TestDatabase db, List<String> lines) {
        Map<String, String> system = new HashMap<>();
        system.put("migrate.url", db.jdbcUrl());
        db.properties().stringPropertyNames().forEach(k -> system.put("migrate." + k, db.properties().getProperty(k)));
        EnvironmentRequest request = new EnvironmentRequest(project, Optional.of("local"), Map.of(), system,
                Map.of(), Optional.empty(), id -> Optional.empty());
        return Migrate.open(ProjectLayout.standard(project), request, lines::add);
    }

    private void revision(String id, String parents, String up, String down) throws IOException {
        Path versions = Files.createDirectories(project.resolve("src/main/migrations/versions"));
        Files.writeString(versions.resolve(id + ".sql"), "-- " + id + "\n--\n-- Revision ID: " + id + "\n-- Revises: "
                + parents + "\n\n-- migrate:upgrade\n" + up + "\n\n-- migrate:downgrade\n" + down + "\n");
    }
}
