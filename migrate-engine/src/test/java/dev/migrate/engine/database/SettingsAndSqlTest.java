package dev.migrate.engine.database;

import dev.migrate.engine.graph.VersionChange;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings validation, quoting, and connection failures. */
@ExtendWith(TestDatabaseExtension.class)
class SettingsAndSqlTest {

    @Test
    void quotesIdentifiersAndLiterals() {
        assertEquals("\"my\"\"table\"", Identifiers.quote("my\"table"));
        assertEquals("'it''s'", Identifiers.literal("it's"));
        assertEquals("E'C:\\\\dir ''x'''", Identifiers.literal("C:\\dir 'x'"));
        assertEquals("NULL", Identifiers.literal(null));
        assertThrows(IllegalArgumentException.class, () -> Identifiers.quote(""));
        assertEquals("INSERT INTO t VALUES ('a''b', 12, NULL)", BoundSql.of("INSERT INTO t VALUES (?, ?, ?)", "a'b", 12L, null).inline());
    }

    @Test
    void versionStatementsAreAlembics() {
        MigrationTables tables = new MigrationTables("public", "alembic_version", "migrate_history");
        assertEquals("INSERT INTO \"public\".\"alembic_version\" (version_num) VALUES ('ae1027a6acf')",
                tables.versionChange(new VersionChange.Insert("ae1027a6acf")).inline());
        assertEquals("UPDATE \"public\".\"alembic_version\" SET version_num = '27c6a30d7c24' WHERE version_num = 'ae1027a6acf'",
                tables.versionChange(new VersionChange.Update("ae1027a6acf", "27c6a30d7c24")).inline());
        assertEquals("DELETE FROM \"public\".\"alembic_version\" WHERE version_num = '27c6a30d7c24'",
                tables.versionChange(new VersionChange.Delete("27c6a30d7c24")).inline());
    }

    @Test
    void settingsRejectWhatCannotWork() {
        DatabaseSettings base = DatabaseSettings.of("jdbc:postgresql://h/db", new Properties());
        assertEquals("versionTable and historyTable must differ, both are 'migrate_version'",
                assertThrows(IllegalArgumentException.class, () -> base.withHistoryTable("migrate_version")).getMessage());
        assertEquals("schema must not be empty",
                assertThrows(IllegalArgumentException.class, () -> base.withSchema(" ")).getMessage());
        assertEquals("versionTable '" + "v".repeat(64) + "' is longer than PostgreSQL's 63 bytes",
                assertThrows(IllegalArgumentException.class, () -> base.withVersionTable("v".repeat(64))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> base.withLockTimeout(Duration.ofSeconds(-1)));
        // PostgreSQL's limit is 63 bytes: 32 two-byte letters are 32 characters but 64 bytes
        assertEquals("versionTable '" + "é".repeat(32) + "' is longer than PostgreSQL's 63 bytes",
                assertThrows(IllegalArgumentException.class, () -> base.withVersionTable("é".repeat(32))).getMessage());
        assertEquals("é".repeat(31), base.withVersionTable("é".repeat(31)).versionTable());
    }

    @Test
    void derivedNamesFitInSixtyThreeBytes() {
        assertEquals("migrate_version_pkc", MigrationTables.truncate("migrate_version", "_pkc"));
        String cut = MigrationTables.truncate("é".repeat(31), "_pkc");
        assertEquals("é".repeat(29) + "_pkc", cut);
        assertTrue(cut.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 63);
    }

    @Test
    void passwordsNeverShow() {
        Properties secret = new Properties();
        secret.setProperty("password", "hunter2");
        DatabaseSettings settings = DatabaseSettings.of("jdbc:postgresql://db.example/app?user=u&password=hunter2&ssl=true", secret);
        assertEquals("jdbc:postgresql://db.example/app?user=u&password=***&ssl=true", settings.maskedUrl());
        assertFalse(settings.toString().contains("hunter2"), settings.toString());
        assertEquals("jdbc:postgresql://u:***@db.example/app",
                DatabaseSettings.of("jdbc:postgresql://u:hunter2@db.example/app", secret).maskedUrl());
    }

    @Test
    void aRefusedConnectionNamesTheUrlAndTheLikelyFix() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Properties secret = new Properties();
        secret.setProperty("user", "app");
        secret.setProperty("password", "hunter2");
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/app?connectTimeout=2";
        DatabaseConnectionException e = assertThrows(DatabaseConnectionException.class,
                () -> Migrator.connect(DatabaseSettings.of(url, secret)));
        assertEquals(Optional.of("08001"), e.sqlState());
        assertEquals("Cannot connect to " + url + ": Connection to 127.0.0.1:" + port + " refused. Check that the hostname "
                + "and port are correct and that the postmaster is accepting TCP/IP connections. Is the server running "
                + "and reachable at that host and port?", e.getMessage());
    }

    @Test
    void aMissingDatabaseSaysToCreateIt(TestDatabase db) {
        String url = db.jdbcUrl().replace(db.name(), "no_such_db");
        DatabaseConnectionException e = assertThrows(DatabaseConnectionException.class,
                () -> Migrator.connect(DatabaseSettings.of(url, db.properties())));
        assertEquals("Cannot connect to " + url + ": FATAL: database \"no_such_db\" does not exist. Create the database "
                + "first, or fix the database name in the url.", e.getMessage());
        assertTrue(e.maskedUrl().endsWith("/no_such_db"));
    }
}
