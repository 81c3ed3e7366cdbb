package dev.migrate.engine.database;

import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.testing.Revisions;
import dev.migrate.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scratch databases on a real server: unique names, dropped on close (also after a failure), revisions run on them. */
class ScratchDatabasesTest {
    static final RevisionScript A = Revisions.script("aaaa00000001", null, "create accounts",
            "CREATE TABLE accounts (id bigint PRIMARY KEY);", "DROP TABLE accounts;");
    static final RevisionScript B = Revisions.script("bbbb00000002", "aaaa00000001", "add email",
            "ALTER TABLE accounts ADD COLUMN email text;", "ALTER TABLE accounts DROP COLUMN email;");

    @Test
    void createsUniquelyNamedDatabasesAndDropsThemOnClose() throws SQLException {
        try (ScratchDatabases scratch = ScratchDatabases.on(TestDatabases::scratchServer)) {
            ScratchDatabase one = scratch.create("head");
            ScratchDatabase two = scratch.create("head");
            assertNotEquals(one.name(), two.name());
            assertTrue(one.name().startsWith("migrate_scratch_head_"), one.name());
            assertTrue(exists(one.name()) && exists(two.name()));
            try (Connection c = one.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (id int)"); // a connection left open does not stop the drop
                one.close();
            }
            assertFalse(exists(one.name()));
            assertEquals(List.of(two), scratch.open());
            scratch.close();
            assertFalse(exists(two.name()));
        }
    }

    @Test
    void dropsTheDatabaseWhenTheWorkInsideFails() throws SQLException {
        List<String> names = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> {
            try (ScratchDatabases scratch = ScratchDatabases.on(TestDatabases::scratchServer);
                 ScratchDatabase db = scratch.create("desired")) {
                names.add(db.name());
                throw new IllegalStateException("the goal failed");
            }
        });
        assertFalse(exists(names.get(0)));
    }

    @Test
    void asksForTheServerOnlyWhenADatabaseIsCreated() {
        AtomicInteger asked = new AtomicInteger();
        try (ScratchDatabases scratch = ScratchDatabases.on(() -> {
            asked.incrementAndGet();
            return TestDatabases.scratchServer();
        })) {
            assertFalse(scratch.used());
            assertEquals(0, asked.get());
            scratch.create("a").close();
            scratch.create("b").close();
            assertEquals(1, asked.get());
        }
    }

    @Test
    void runsRevisionsWithTheMigratorAndTheEnvironmentsTableNames() throws SQLException {
        DatabaseSettings like = DatabaseSettings.of("jdbc:postgresql://elsewhere/app", new Properties())
                .withSchema("app").withVersionTable("alembic_version");
        try (ScratchDatabases scratch = ScratchDatabases.on(TestDatabases::scratchServer);
             ScratchDatabase head = scratch.create("head")) {
            RunResult result = head.migrate(Revisions.byId(A, B), heads -> Revisions.upgrade(List.of(A, B), heads, "bbbb00000002"),
                    like, MigrationListener.NONE);
            assertEquals(Set.of("bbbb00000002"), result.endHeads());
            try (Connection c = head.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT string_agg(column_name, ',' ORDER BY ordinal_position) "
                         + "FROM information_schema.columns WHERE table_schema = 'app' AND table_name = 'accounts'")) {
                rs.next();
                assertEquals("id,email", rs.getString(1));
            }
            try (Connection c = head.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT version_num FROM app.alembic_version")) {
                rs.next();
                assertEquals("bbbb00000002", rs.getString(1));
            }
        }
    }

    @Test
    void refusesACreateAfterClose() {
        ScratchDatabases scratch = ScratchDatabases.on(TestDatabases::scratchServer);
        scratch.close();
        assertThrows(IllegalStateException.class, () -> scratch.create("late"));
    }

    @Test
    void pointsTheServersUrlAtTheScratchDatabase() {
        assertEquals("jdbc:postgresql://h:5432/x?sslmode=require",
                new ScratchDatabases.Server("jdbc:postgresql://h:5432/postgres?sslmode=require", null, "").jdbcUrl("x"));
        assertEquals("jdbc:postgresql://h1:1,h2:2/x",
                new ScratchDatabases.Server("jdbc:postgresql://h1:1,h2:2/", null, "").jdbcUrl("x"));
        assertEquals("jdbc:postgresql://h/x", new ScratchDatabases.Server("jdbc:postgresql://h", null, "").jdbcUrl("x"));
    }

    @Test
    void keepsNamesWithinPostgresqlsLimit() {
        String name = ScratchDatabases.name("a very long purpose that would never fit in a database name at all");
        assertTrue(name.length() <= 63, name);
        assertTrue(name.startsWith(ScratchDatabases.PREFIX + "a_very_long"), name);
    }

    private static boolean exists(String name) throws SQLException {
        ScratchDatabases.Server s = TestDatabases.scratchServer();
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.properties());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }
}
