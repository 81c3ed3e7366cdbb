package dev.migrate.engine;

import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connection an upgrade hands to the build's integration tests reaches the migrated schema. */
@ExtendWith(TestDatabaseExtension.class)
class ExportConnectionTest {
    private static final String PASSWORD = "Xc-4r7@pw";

    @TempDir
    Path project;

    @Test
    void aUrlEnvironmentGivesItsUrlUserAndPasswordAndNeverShowsThePassword(TestDatabase db) throws Exception {
        Path versions = Files.createDirectories(project.resolve("src/main/migrations/versions"));
        Files.writeString(versions.resolve("001_accounts.sql"), "-- accounts\n--\n-- Revision ID: 001_accounts\n-- Revises:\n\n"
                + "-- migrate:upgrade\nCREATE TABLE accounts (id bigint PRIMARY KEY);\nINSERT INTO accounts VALUES (7);\n\n"
                + "-- migrate:downgrade\nDROP TABLE accounts;\n");
        Map<String, String> system = new HashMap<>();
        system.put("migrate.url", db.jdbcUrl());
        system.put("migrate.user", db.user());
        system.put("migrate.password", PASSWORD);
        List<String> lines = new ArrayList<>();
        DatabaseConnection exported;
        try (Migrate migrate = Migrate.open(ProjectLayout.standard(project), new EnvironmentRequest(project,
                Optional.of("local"), Map.of(), system, Map.of(), Optional.empty(), id -> Optional.empty()), lines::add)) {
            migrate.upgrade("heads", RunOptions.DEFAULT);
            exported = migrate.exportConnection();
        }
        assertEquals(db.jdbcUrl(), exported.jdbcUrl());
        assertEquals(db.user(), exported.user());
        assertEquals(PASSWORD, exported.password());
        assertFalse(exported.toString().contains(PASSWORD), exported::toString);
        assertTrue(exported.toString().contains("****"), exported::toString);
        assertFalse(lines.stream().anyMatch(l -> l.contains(PASSWORD)), lines::toString);

        try (Connection c = DriverManager.getConnection(exported.jdbcUrl(), exported.user(), exported.password());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM accounts")) {
            assertTrue(rs.next());
            assertEquals(7, rs.getInt(1));
        }
    }
}
