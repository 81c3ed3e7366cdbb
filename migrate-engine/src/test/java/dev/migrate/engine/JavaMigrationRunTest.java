package dev.migrate.engine;

import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.classes.InvalidJavaMigrationException;
import dev.migrate.engine.classes.ProjectClasses;
import dev.migrate.engine.database.EditedRevisionsException;
import dev.migrate.engine.database.IrreversibleRevisionException;
import dev.migrate.engine.database.JavaMigrationFailedException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Revisions written in Java, through the facade on a real database: a data migration between two
 * SQL revisions backfills a column on the way up and clears it on the way down, in the revision's
 * transaction; offline SQL says it is Java; its class bytes are its checksum; bad classes and
 * failing code are reported naming the class.
 */
@ExtendWith(TestDatabaseExtension.class)
class JavaMigrationRunTest {
    static final String BACKFILL = """
            package app.migrations;

            import dev.migrate.engine.JavaMigration;
            import dev.migrate.engine.Migration;
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.Statement;

            @Migration(id = "bbbb00000002", revises = "aaaa00000001", message = "backfill display names")
            public class BackfillDisplayName implements JavaMigration {
                @Override
                public void upgrade(Connection connection) throws Exception {
                    try (Statement st = connection.createStatement()) {
                        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM users")) {
                            rs.next();
                            if (rs.getInt(1) == 0) throw new IllegalStateException("no users to backfill");
                        }
                        st.executeUpdate("UPDATE users SET display_name = initcap(login) WHERE display_name IS NULL");
                        %s
                    }
                }

                @Override
                public void downgrade(Connection connection) throws Exception {
                    try (Statement st = connection.createStatement()) {
                        st.executeUpdate("UPDATE users SET display_name = NULL");
                    }
                }
            }
            """;

    @TempDir
    Path project;

    private void sql(String id, String revises, String message, String upgrade, String downgrade) throws IOException {
        Path file = project.resolve("src/main/migrations/versions/" + id + ".sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "-- " + message + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + revises
                + "\n\n-- migrate:upgrade\n" + upgrade + "\n\n-- migrate:downgrade\n" + downgrade + "\n");
    }

    /** users(login) with two rows, the Java backfill, then display_name made NOT NULL. */
    private Path chain(String extraJava) throws IOException {
        sql("aaaa00000001", "", "create users",
                "CREATE TABLE users (id int PRIMARY KEY, login text NOT NULL, display_name text);\n"
                        + "INSERT INTO users (id, login) VALUES (1, 'alice'), (2, 'bob');",
                "DROP TABLE users;");
        sql("cccc00000003", "bbbb00000002", "display_name required",
                "ALTER TABLE users ALTER COLUMN display_name SET NOT NULL;",
                "ALTER TABLE users ALTER COLUMN display_name DROP NOT NULL;");
        return compile(Map.of("app.migrations.BackfillDisplayName", BACKFILL.formatted(extraJava)));
    }

    private Path compile(Map<String, String> sources) throws IOException {
        return ProjectClasses.compile(project.resolve("target"), sources);
    }

    private Migrate open(TestDatabase db, Path classes, List<String> lines) {
        Map<String, String> system = new HashMap<>();
        system.put("migrate.url", db.jdbcUrl());
        system.put("migrate.user", db.user());
        String password = db.properties().getProperty("password");
        if (password != null) {
            system.put("migrate.password", password);
        }
        return Migrate.open(ProjectLayout.standard(project), EnvironmentRequest.of(project, "local", system), lines::add)
                .javaMigrations(List.of(classes), List.of("app.migrations"));
    }

    @Test
    void aJavaDataMigrationBackfillsBetweenTwoSqlRevisionsUpAndDown(TestDatabase db) throws IOException {
        Path classes = chain("");
        List<String> lines = new ArrayList<>();
        try (Migrate migrate = open(db, classes, lines)) {
            assertEquals(3, migrate.upgrade("heads", RunOptions.DEFAULT).steps().size());
        }
        assertEquals(List.of("1|Alice", "2|Bob"), db.query("SELECT id || '|' || display_name FROM users ORDER BY id"));
        assertEquals(List.of("NO"), db.query("SELECT is_nullable FROM information_schema.columns"
                + " WHERE table_name = 'users' AND column_name = 'display_name'"));
        assertEquals(List.of("cccc00000003"), db.query("SELECT version_num FROM migrate_version"));
        List<String> history = db.query("SELECT revision || '|' || direction || '|' || message || '|' || checksum"
                + " FROM migrate_history ORDER BY id");
        assertEquals(3, history.size());
        assertTrue(history.get(1).matches("bbbb00000002\\|upgrade\\|backfill display names\\|v2:[0-9a-f]{64}"), history.get(1));
        assertTrue(lines.stream().anyMatch(l -> l.contains("aaaa00000001 -> bbbb00000002, backfill display names")), lines.toString());

        try (Migrate migrate = open(db, classes, new ArrayList<>())) {
            migrate.downgrade("aaaa00000001", RunOptions.DEFAULT);
        }
        assertEquals(List.of("1|-", "2|-"), db.query("SELECT id || '|' || coalesce(display_name, '-') FROM users ORDER BY id"));
        assertEquals(List.of("aaaa00000001"), db.query("SELECT version_num FROM migrate_version"));

        try (Migrate migrate = open(db, classes, new ArrayList<>())) {
            migrate.upgrade("heads", RunOptions.DEFAULT);
        }
        assertEquals(List.of("1|Alice", "2|Bob"), db.query("SELECT id || '|' || display_name FROM users ORDER BY id"));
    }

    @Test
    void offlineSqlSaysTheStepIsJavaAndStillWritesItsVersionChange(TestDatabase db) throws IOException {
        Path classes = chain("");
        String script;
        try (Migrate migrate = open(db, classes, new ArrayList<>())) {
            script = migrate.upgradeSql("heads", RunOptions.DEFAULT);
        }
        int java = script.indexOf("-- JAVA MIGRATION: revision bbbb00000002 is Java code (class "
                + "app.migrations.BackfillDisplayName, method upgrade(Connection)) and cannot be rendered as SQL.");
        assertTrue(java > 0, script);
        int version = script.indexOf("UPDATE \"public\".\"migrate_version\" SET version_num = 'bbbb00000002' WHERE version_num = 'aaaa00000001'");
        assertTrue(version > java, script);
        assertTrue(script.indexOf("ALTER TABLE users ALTER COLUMN display_name SET NOT NULL") > version, script);
        assertFalse(db.tableExists("public", "migrate_version"), "offline SQL connects to nothing");
    }

    @Test
    void recompiledChangedCodeIsReportedAsAnEditedRevision(TestDatabase db) throws IOException {
        Path classes = chain("");
        try (Migrate migrate = open(db, classes, new ArrayList<>())) {
            migrate.upgrade("heads", RunOptions.DEFAULT);
        }
        Path same = compile(Map.of("app.migrations.BackfillDisplayName", BACKFILL.formatted("")));
        try (Migrate migrate = open(db, same, new ArrayList<>())) {
            assertTrue(migrate.upgrade("heads", RunOptions.DEFAULT).nothingToDo(), "the same source compiles to the same bytes");
        }
        Path edited = compile(Map.of("app.migrations.BackfillDisplayName",
                BACKFILL.formatted("st.executeUpdate(\"UPDATE users SET display_name = upper(display_name)\");")));
        try (Migrate migrate = open(db, edited, new ArrayList<>())) {
            EditedRevisionsException e = assertThrows(EditedRevisionsException.class,
                    () -> migrate.upgrade("heads", RunOptions.DEFAULT));
            assertTrue(e.getMessage().contains("bbbb00000002"), e.getMessage());
        }
    }

    @Test
    void anExceptionInUpgradeRollsTheRevisionBackAndNamesTheClass(TestDatabase db) throws IOException {
        Path classes = chain("if (true) throw new java.sql.SQLException(\"payment service down\", \"P0001\");");
        try (Migrate migrate = open(db, classes, new ArrayList<>())) {
            JavaMigrationFailedException e = assertThrows(JavaMigrationFailedException.class,
                    () -> migrate.upgrade("heads", RunOptions.DEFAULT));
            assertEquals("bbbb00000002", e.revision());
            assertEquals("app.migrations.BackfillDisplayName", e.className());
            assertEquals("P0001", e.sqlState().orElseThrow());
            assertTrue(e.getMessage().contains("Revision bbbb00000002 (Java class app.migrations.BackfillDisplayName"), e.getMessage());
            assertTrue(e.getMessage().contains("payment service down"), e.getMessage());
            assertTrue(e.getMessage().contains("rolled back; the version table is still at aaaa00000001"), e.getMessage());
        }
        assertEquals(List.of("aaaa00000001"), db.query("SELECT version_num FROM migrate_version"));
        assertEquals(List.of("-", "-"), db.query("SELECT coalesce(display_name, '-') FROM users ORDER BY id"),
                "the backfill before the exception was rolled back with the revision");
    }

    @Test
    void aTransactionalJavaMigrationMayNotCommitItself(TestDatabase db) throws IOException {
        Path classes = chain("connection.commit();");
        try (Migrate migrate = open(db, classes, new ArrayList<>())) {
            JavaMigrationFailedException e = assertThrows(JavaMigrationFailedException.class,
                    () -> migrate.upgrade("heads", RunOptions.DEFAULT));
            assertTrue(e.getMessage().contains("may not call Connection.commit()"), e.getMessage());
        }
        assertEquals(List.of("-", "-"), db.query("SELECT coalesce(display_name, '-') FROM users ORDER BY id"));
    }

    @Test
    void aNonTransactionalJavaMigrationRunsInAutocommit(TestDatabase db) throws IOException {
        sql("aaaa00000001", "", "create users", "CREATE TABLE users (id int PRIMARY KEY, login text);", "DROP TABLE users;");
        Path classes = compile(Map.of("app.migrations.IndexLogins", """
                package app.migrations;
                import dev.migrate.engine.JavaMigration;
                import dev.migrate.engine.Migration;
                import java.sql.Connection;
                @Migration(id = "bbbb00000002", revises = "aaaa00000001", transactional = false)
                public class IndexLogins implements JavaMigration {
                    public void upgrade(Connection c) throws Exception {
                        if (!c.getAutoCommit()) throw new IllegalStateException("not in autocommit");
                        try (var st = c.createStatement()) {
                            st.execute("CREATE INDEX CONCURRENTLY users_login_idx ON users (login)");
                        }
                    }
                    public void downgrade(Connection c) throws Exception {
                        try (var st = c.createStatement()) {
                            st.execute("DROP INDEX CONCURRENTLY users_login_idx");
                        }
                    }
                }
                """));
        try (Migrate migrate = open(db, classes, new ArrayList<>())) {
            migrate.upgrade("heads", RunOptions.DEFAULT);
        }
        assertEquals(List.of("users_login_idx"), db.query("SELECT indexname FROM pg_indexes WHERE tablename = 'users'"
                + " AND indexname = 'users_login_idx'"));
        assertEquals(List.of("bbbb00000002|upgrade|IndexLogins|done"), db.query("SELECT revision || '|' || direction"
                + " || '|' || message || '|' || status FROM migrate_history WHERE revision = 'bbbb00000002'"));
        try (Migrate migrate = open(db, classes, new ArrayList<>())) {
            migrate.downgrade("aaaa00000001", RunOptions.DEFAULT);
        }
        assertEquals(List.of(), db.query("SELECT indexname FROM pg_indexes WHERE indexname = 'users_login_idx'"));
    }

    @Test
    void aJavaMigrationWithoutDowngradeIsIrreversible(TestDatabase db) throws IOException {
        sql("aaaa00000001", "", "create users", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;");
        Path classes = compile(Map.of("app.migrations.OneWay", """
                package app.migrations;
                @dev.migrate.engine.Migration(id = "bbbb00000002", revises = "aaaa00000001")
                public class OneWay implements dev.migrate.engine.JavaMigration {
                    public void upgrade(java.sql.Connection c) throws Exception {
                        try (var st = c.createStatement()) { st.execute("INSERT INTO users VALUES (7)"); }
                    }
                }
                """));
        try (Migrate migrate = open(db, classes, new ArrayList<>())) {
            migrate.upgrade("heads", RunOptions.DEFAULT);
            IrreversibleRevisionException e = assertThrows(IrreversibleRevisionException.class,
                    () -> migrate.downgrade("base", RunOptions.DEFAULT));
            assertTrue(e.getMessage().contains("class app.migrations.OneWay does not override downgrade(Connection)"), e.getMessage());
        }
        assertEquals(List.of("7"), db.query("SELECT id FROM users"));
    }

    @Test
    void badClassesAreReportedTogetherNamingEachClass(TestDatabase db) throws IOException {
        sql("aaaa00000001", "", "create users", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;");
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("app.migrations.NoAnnotation", """
                package app.migrations;
                public class NoAnnotation implements dev.migrate.engine.JavaMigration {
                    public void upgrade(java.sql.Connection c) {}
                }
                """);
        sources.put("app.migrations.NotAMigration", """
                package app.migrations;
                @dev.migrate.engine.Migration(id = "dddd00000004", revises = "aaaa00000001")
                public class NotAMigration {}
                """);
        sources.put("app.migrations.BadId", """
                package app.migrations;
                @dev.migrate.engine.Migration(id = "not-an-id", revises = "aaaa00000001")
                public class BadId implements dev.migrate.engine.JavaMigration {
                    public void upgrade(java.sql.Connection c) {}
                }
                """);
        sources.put("app.migrations.NeedsArgument", """
                package app.migrations;
                @dev.migrate.engine.Migration(id = "eeee00000005", revises = "aaaa00000001")
                public class NeedsArgument implements dev.migrate.engine.JavaMigration {
                    public NeedsArgument(String s) {}
                    public void upgrade(java.sql.Connection c) {}
                }
                """);
        sources.put("app.migrations.Helper", "package app.migrations; public class Helper {}");
        Path classes = compile(sources);
        try (Migrate migrate = open(db, classes, new ArrayList<>())) {
            InvalidJavaMigrationException e = assertThrows(InvalidJavaMigrationException.class,
                    () -> migrate.upgrade("heads", RunOptions.DEFAULT));
            List<String> names = e.findings().stream().map(InvalidJavaMigrationException.Finding::name).toList();
            assertEquals(List.of("class app.migrations.BadId", "class app.migrations.NeedsArgument",
                    "class app.migrations.NoAnnotation", "class app.migrations.NotAMigration"), names, e.getMessage());
            String m = e.getMessage();
            assertTrue(m.contains("BadId: @Migration(id = \"not-an-id\") is not a valid revision id"), m);
            assertTrue(m.contains("NeedsArgument: has no public no-argument constructor"), m);
            assertTrue(m.contains("NoAnnotation: implements JavaMigration but has no @Migration annotation"), m);
            assertTrue(m.contains("NotAMigration: is annotated @Migration but does not implement dev.migrate.engine.JavaMigration"), m);
        }
        assertFalse(db.tableExists("public", "users"), "nothing ran");
    }

    @Test
    void aConfiguredPackageWithoutClassesSaysToCompileFirst(TestDatabase db) throws IOException {
        sql("aaaa00000001", "", "create users", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;");
        try (Migrate migrate = open(db, project.resolve("target/classes"), new ArrayList<>())) {
            InvalidJavaMigrationException e = assertThrows(InvalidJavaMigrationException.class,
                    () -> migrate.upgrade("heads", RunOptions.DEFAULT));
            assertTrue(e.getMessage().contains("package app.migrations: no class found in it"), e.getMessage());
            assertTrue(e.getMessage().contains("compile the project first"), e.getMessage());
        }
    }

    @Test
    void aJavaRevisionWithTheIdOfAFileIsADuplicate(TestDatabase db) throws IOException {
        sql("aaaa00000001", "", "create users", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;");
        sql("bbbb00000002", "aaaa00000001", "also b", "SELECT 1;", "SELECT 1;");
        Path classes = compile(Map.of("app.migrations.BackfillDisplayName", BACKFILL.formatted("")));
        try (Migrate migrate = open(db, classes, new ArrayList<>())) {
            MigrateException e = assertThrows(MigrateException.class, () -> migrate.upgrade("heads", RunOptions.DEFAULT));
            assertTrue(e.getMessage().contains("bbbb00000002"), e.getMessage());
            assertTrue(e.getMessage().contains("app.migrations.BackfillDisplayName"), e.getMessage());
        }
    }
}
