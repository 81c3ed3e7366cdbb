package dev.migrate.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real PgBouncer in transaction mode, with one server connection, in front of the machine's
 * PostgreSQL ({@code 127.0.0.1:5432}, user postgres, trust; override with the environment variable
 * {@code MIGRATE_PGBOUNCER_UPSTREAM=host:port}). Two clients then share one server connection
 * turn by turn, as behind Supabase's transaction pooler: with {@code pooler=transaction} the
 * settings work; with server-side prepared statements they break. Skipped, with the reason, when
 * PgBouncer or the upstream server is not available.
 */
class PgBouncerTransactionPoolerTest {
    private static PgBouncerServer bouncer;

    @TempDir
    Path project;

    @BeforeAll
    static void startPgBouncer() throws IOException, InterruptedException {
        Optional<String> unavailable = PgBouncerServer.unavailableReason();
        assumeTrue(unavailable.isEmpty(), () -> "Skipped: " + unavailable.orElseThrow());
        String upstream = Optional.ofNullable(System.getenv("MIGRATE_PGBOUNCER_UPSTREAM")).orElse("127.0.0.1:5432");
        String host = upstream.substring(0, upstream.lastIndexOf(':'));
        int port = Integer.parseInt(upstream.substring(upstream.lastIndexOf(':') + 1));
        Properties postgres = new Properties();
        postgres.setProperty("user", "postgres");
        try (Connection direct = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres",
                postgres)) {
            assertTrue(direct.isValid(5));
        } catch (SQLException e) {
            assumeTrue(false, "Skipped: no PostgreSQL with trust authentication for postgres at " + upstream
                    + " (" + e.getMessage() + ")");
        }
        try {
            bouncer = PgBouncerServer.start(host, port, "postgres", "transaction", 1);
        } catch (IOException e) {
            assumeTrue(false, "Skipped: pgbouncer could not be started: " + e.getMessage());
        }
    }

    @AfterAll
    static void stopPgBouncer() throws IOException, InterruptedException {
        if (bouncer != null) {
            bouncer.close();
        }
    }

    private EnvironmentConfig throughPgBouncer(String pooler) throws IOException {
        Files.createDirectories(project.resolve("environments"));
        Files.writeString(project.resolve("environments/pooled.properties"),
                "url=postgresql://postgres@127.0.0.1:" + bouncer.port() + "/postgres\npooler=" + pooler + "\n");
        return EnvironmentResolver.forProject(project).resolve("pooled");
    }

    /** Two clients take turns on the pooler's single server connection, each re-running one prepared query. */
    private static void takeTurns(String jdbcUrl, Properties properties) throws SQLException {
        try (Connection a = DriverManager.getConnection(jdbcUrl, properties);
             Connection b = DriverManager.getConnection(jdbcUrl, properties);
             PreparedStatement qa = a.prepareStatement("SELECT ?::int + 1");
             PreparedStatement qb = b.prepareStatement("SELECT ?::int + 2")) {
            for (int i = 0; i < 8; i++) {
                assertEquals(i + 1, single(qa, i));
                assertEquals(i + 2, single(qb, i));
            }
        }
    }

    private static int single(PreparedStatement query, int value) throws SQLException {
        query.setInt(1, value);
        try (ResultSet r = query.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void transactionPoolerSettingsWorkThroughPgBouncer() throws Exception {
        EnvironmentConfig config = throughPgBouncer("transaction");
        assertEquals(PoolerMode.TRANSACTION, config.pooler());
        assertEquals("0", config.driverProperties().getProperty("prepareThreshold"));
        try {
            takeTurns(config.jdbcUrl().orElseThrow(), config.driverProperties());
        } catch (SQLException e) {
            fail("through pgbouncer: " + e.getMessage() + "\n" + bouncer.log(), e);
        }
    }

    @Test
    void transactionScopedLockAndSettingsWorkThroughPgBouncer() throws Exception {
        EnvironmentConfig config = throughPgBouncer("transaction");
        try (Connection c = DriverManager.getConnection(config.jdbcUrl().orElseThrow(), config.driverProperties());
             Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL lock_timeout = '5s'");
            s.execute("SELECT pg_advisory_xact_lock(727274)");
            try (ResultSet r = s.executeQuery("SELECT current_setting('lock_timeout'), "
                    + "(SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 727274 AND granted)")) {
                r.next();
                assertEquals("5s", r.getString(1));
                assertEquals(1, r.getInt(2));
            }
            c.commit();
        }
    }

    @Test
    void serverSidePreparedStatementsBreakBehindATransactionPooler() throws Exception {
        Properties prepared = throughPgBouncer("transaction").driverProperties();
        prepared.setProperty("prepareThreshold", "1");
        SQLException failure = null;
        try {
            takeTurns(throughPgBouncer("transaction").jdbcUrl().orElseThrow(), prepared);
        } catch (SQLException e) {
            failure = e;
        }
        assertTrue(failure != null, "named prepared statements should collide on the shared server connection");
        // 42P05: prepared statement "S_1" already exists; 26000: prepared statement does not exist
        assertTrue(Set.of("42P05", "26000").contains(failure.getSQLState()),
                failure.getSQLState() + " " + failure.getMessage());
    }
}
