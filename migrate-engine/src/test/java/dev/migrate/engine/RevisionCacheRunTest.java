package dev.migrate.engine;

import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.database.MigrationListener;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs through the facade with the revision cache in use: the second run takes every header from
 * the cache, reads only the file of the revision it runs, and a revision edited since it was
 * applied is still reported.
 */
@ExtendWith(TestDatabaseExtension.class)
class RevisionCacheRunTest {
    private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));

    @TempDir
    Path project;

    private Path revision(String id, String revises, String table) throws IOException {
        Path file = project.resolve("src/main/migrations/versions/" + id + "_" + table + ".sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "-- create " + table + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + revises
                + "\n\n-- migrate:upgrade\nCREATE TABLE " + table + " (id int);\n\n-- migrate:downgrade\nDROP TABLE " + table + ";\n");
        Files.setLastModifiedTime(file, AN_HOUR_AGO);
        return file;
    }

    private Migrate open(TestDatabase db, List<String> lines) {
        Map<String, String> system = new HashMap<>();
        system.put("migrate.url", db.jdbcUrl());
        system.put("migrate.user", db.user());
        String password = db.properties().getProperty("password");
        if (password != null) {
            system.put("migrate.password", password);
        }
        return Migrate.open(ProjectLayout.standard(project), EnvironmentRequest.of(project, "local", system), lines::add);
    }

    @Test
    void aCachedRunReadsThePendingRevisionsFileAndReportsAnEditedOne(TestDatabase db) throws IOException {
        revision("aaaa00000001", "", "accounts");
        try (Migrate migrate = open(db, new ArrayList<>())) {
            migrate.upgrade("heads", RunOptions.DEFAULT);
        }
        assertTrue(Files.isRegularFile(project.resolve(Migrate.REVISION_CACHE)));

        revision("bbbb00000002", "aaaa00000001", "orders");
        try (Migrate migrate = open(db, new ArrayList<>())) {
            migrate.upgrade("heads", RunOptions.DEFAULT); // b's header is new; a's comes from the cache
        }
        try (Migrate migrate = open(db, new ArrayList<>())) {
            assertTrue(migrate.upgrade("heads", RunOptions.DEFAULT).nothingToDo());
        }
        assertTrue(db.tableExists("public", "orders"));
        assertEquals(List.of("aaaa00000001|upgrade", "bbbb00000002|upgrade"),
                db.query("SELECT revision || '|' || direction FROM migrate_history ORDER BY revision"));

        Path a = revision("aaaa00000001", "", "accounts2");
        try (Migrate migrate = open(db, new ArrayList<>())) {
            MigrateException e = assertThrows(MigrateException.class,
                    () -> migrate.upgrade("heads", RunOptions.DEFAULT));
            assertTrue(e.getMessage().contains("aaaa00000001"), e.getMessage());
        }
        assertTrue(Files.isRegularFile(a));
    }
}
