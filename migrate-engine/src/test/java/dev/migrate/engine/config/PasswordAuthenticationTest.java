package dev.migrate.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.engine.MigrateException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Settings resolved from every URL form reach a real PostgreSQL that checks passwords
 * (scram-sha-256): the percent-decoded password authenticates, and a failed login leaves no trace
 * of the password in the wrapped exception.
 */
class PasswordAuthenticationTest {
    /** Every character that needs percent-encoding in a URL, and a space. */
    private static final String PASSWORD = "p@ss:w/o+r%d #x y?&=";
    private static final String ENCODED = PercentCoding.encode(PASSWORD);

    private static Path dir;
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException, SQLException {
        dir = Files.createTempDirectory("migrate-auth");
        Path hba = dir.resolve("pg_hba.conf");
        Files.writeString(hba, """
                local all all trust
                host all postgres 127.0.0.1/32 trust
                host all postgres ::1/128 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """);
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data")).setCleanDataDirectory(true)
                .setServerConfig("hba_file", hba.toString())
                .setServerConfig("password_encryption", "scram-sha-256").start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE app LOGIN PASSWORD '" + PASSWORD.replace("'", "''") + "'");
            s.execute("CREATE DATABASE \"app db\" OWNER app");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static EnvironmentConfig resolve(String url) {
        return EnvironmentResolver.forProject(dir).withEnvironmentVariables(Map.of("DATABASE_URL", url)).resolve("local");
    }

    private static String whoAmI(EnvironmentConfig config) throws SQLException {
        try (Connection c = DriverManager.getConnection(config.jdbcUrl().orElseThrow(), config.driverProperties());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT current_user || ' ' || current_database() || ' ' || "
                     + "current_setting('application_name')")) {
            r.next();
            return r.getString(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://app:%s@127.0.0.1:%d/app%%20db",
            "postgres://app:%s@127.0.0.1:%d/app%%20db?sslmode=disable",
            "postgresql+asyncpg://app:%s@127.0.0.1:%d/app%%20db",
            "postgresql+psycopg2://app:%s@localhost:%d/app%%20db?application_name=migrate",
            "jdbc:postgresql://127.0.0.1:%2$d/app%%20db?user=app&password=%1$s",
    })
    void everyFormAuthenticatesWithThePercentDecodedPassword(String form) throws SQLException {
        EnvironmentConfig config = resolve(String.format(form, ENCODED, postgres.getPort()));
        assertEquals("app app db migrate", whoAmI(config));
        assertFalse(config.jdbcUrl().orElseThrow().contains("app:"));
        assertTrue(config.secrets().isClean(config.description()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://app:%s@[::1]:%d/app%%20db"})
    void ipv6Loopback(String form) throws SQLException {
        org.junit.jupiter.api.Assumptions.assumeTrue(ipv6LoopbackWorks(), "no IPv6 loopback on this machine");
        assertEquals("app app db migrate", whoAmI(resolve(String.format(form, ENCODED, postgres.getPort()))));
    }

    private static boolean ipv6LoopbackWorks() {
        try (java.net.Socket socket = new java.net.Socket("::1", postgres.getPort())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://app:%s@127.0.0.1:%d/app%%20db"})
    void wrongPasswordFailsAndTheWrappedErrorHoldsNoPassword(String form) {
        String wrong = PASSWORD + "!";
        EnvironmentConfig config = resolve(String.format(form, PercentCoding.encode(wrong), postgres.getPort()));
        SQLException failure = assertThrows(SQLException.class, () -> whoAmI(config));
        assertEquals("28P01", failure.getSQLState());

        MigrateException wrapped = config.secrets().wrap("Cannot connect: " + config.description()
                + " with password " + wrong, failure);
        StringWriter trace = new StringWriter();
        wrapped.printStackTrace(new PrintWriter(trace));
        assertTrue(config.secrets().isClean(trace.toString()), trace.toString());
        assertFalse(trace.toString().contains(PASSWORD), trace.toString());
        assertTrue(trace.toString().contains("password authentication failed for user \"app\""), trace.toString());
    }
}
