package dev.migrate.engine.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(TestDatabaseExtension.class)
class TestDatabasesTest {

    @Test
    void eachTestGetsItsOwnEmptyDatabase(TestDatabase a, TestDatabase b) {
        assertNotEquals(a.name(), b.name());
        a.execute("CREATE TABLE only_in_a (id int)");
        assertTrue(a.tableExists("public", "only_in_a"));
        assertFalse(b.tableExists("public", "only_in_a"));
        assertEquals(List.of(a.name()), a.query("SELECT current_database()"));
    }

    @Test
    void closingDropsTheDatabase() {
        TestDatabase db = TestDatabases.create();
        String name = db.name();
        db.close();
        try (TestDatabase other = TestDatabases.create()) {
            assertEquals(List.of("0"), other.query("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"));
        }
    }

    @Test
    void readsJdbcAndLibpqUrls() {
        TestServer jdbc = TestDatabases.fromUrl("jdbc:postgresql://db.example:6000/admin?user=app&password=p%2Bw");
        assertEquals("db.example", jdbc.host());
        assertEquals(6000, jdbc.port());
        assertEquals("admin", jdbc.adminDatabase());
        assertEquals("app", jdbc.credentials().getProperty("user"));
        assertEquals("p+w", jdbc.credentials().getProperty("password"));

        TestServer libpq = TestDatabases.fromUrl("postgresql://me:s%40c+ret@[::1]/");
        assertEquals("::1", libpq.host());
        assertEquals(5432, libpq.port());
        assertEquals("postgres", libpq.adminDatabase());
        assertEquals("me", libpq.credentials().getProperty("user"));
        assertEquals("s@c+ret", libpq.credentials().getProperty("password"));
        assertEquals("jdbc:postgresql://[::1]:5432/x", libpq.jdbcUrl("x"));
    }
}
