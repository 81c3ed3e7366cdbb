package dev.migrate.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupabaseTest {
    private static final String POOLER = "aws-0-eu-central-1.pooler.supabase.com";

    @TempDir
    Path project;

    private EnvironmentConfig resolve(String properties, Map<String, String> system) throws IOException {
        Files.createDirectories(project.resolve("environments"));
        Files.writeString(project.resolve("environments/supabase.properties"), properties);
        return EnvironmentResolver.forProject(project).withSystemProperties(system).resolve("supabase");
    }

    private EnvironmentConfig resolve(String properties) throws IOException {
        return resolve(properties, Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "db.abcdefghijklmnop.supabase.co, true, false",
            "DB.ABCDEFGHIJKLMNOP.SUPABASE.CO., true, false",
            POOLER + ", true, true",
            "supabase.co, false, false",
            "evilsupabase.co, false, false",
            "db.example.com, false, false",
            "pooler.supabase.com.example.com, false, false",
    })
    void hosts(String host, boolean supabase, boolean pooler) {
        assertEquals(supabase, Supabase.isSupabaseHost(host));
        assertEquals(pooler, Supabase.isPoolerHost(host));
    }

    @Test
    void directHostGetsSslRequire() throws IOException {
        EnvironmentConfig config = resolve("url=postgresql://postgres:pw@db.abcdefghijklmnop.supabase.co:5432/postgres\n");
        assertTrue(config.supabase());
        assertEquals("require", config.driverProperties().getProperty("sslmode"));
        assertEquals("Supabase default", config.origins().get("sslMode"));
        assertEquals(PoolerMode.SESSION, config.pooler());
        assertEquals(List.of(), config.notices());
        assertEquals("Environment supabase: postgresql://postgres@db.abcdefghijklmnop.supabase.co:5432/postgres "
                + "(schema public)", config.description());
    }

    @Test
    void rootCertificateMeansVerifyFull() throws IOException {
        EnvironmentConfig config = resolve("url=postgresql://db.abcdefghijklmnop.supabase.co/postgres\n"
                + "sslRootCert=/etc/ssl/supabase-ca.crt\n");
        Properties properties = config.driverProperties();
        assertEquals("verify-full", properties.getProperty("sslmode"));
        assertEquals("/etc/ssl/supabase-ca.crt", properties.getProperty("sslrootcert"));
    }

    @Test
    void explicitSslModeIsKept() throws IOException {
        assertEquals("verify-ca", resolve("url=postgresql://db.abcdefghijklmnop.supabase.co/postgres\nsslMode=verify-ca\n")
                .driverProperties().getProperty("sslmode"));
        assertEquals("disable", resolve("url=postgresql://db.abcdefghijklmnop.supabase.co/postgres?sslmode=disable\n")
                .driverProperties().getProperty("sslmode"));
        Properties jdbcSsl = resolve("url=jdbc:postgresql://db.abcdefghijklmnop.supabase.co/postgres?ssl=true\n")
                .driverProperties();
        assertNull(jdbcSsl.getProperty("sslmode"));
        assertEquals("true", jdbcSsl.getProperty("ssl"));
    }

    @Test
    void otherHostsGetNoSslDefault() throws IOException {
        EnvironmentConfig config = resolve("url=postgresql://db.example.com/app\n");
        assertFalse(config.supabase());
        assertNull(config.driverProperties().getProperty("sslmode"));
    }

    @Test
    void transactionPoolerIsSwitchedToSessionPooler() throws IOException {
        EnvironmentConfig config = resolve("url=postgresql://postgres.abcdefghijklmnop:pw@" + POOLER + ":6543/postgres\n");
        assertEquals(Optional.of("jdbc:postgresql://" + POOLER + ":5432/postgres"), config.jdbcUrl());
        assertEquals(PoolerMode.SESSION, config.pooler());
        assertEquals("require", config.driverProperties().getProperty("sslmode"));
        assertNull(config.driverProperties().getProperty("prepareThreshold"));
        assertEquals(List.of(POOLER + ":6543 is Supabase's transaction pooler, which cannot hold the session lock "
                + "or the prepared statements migrations use; connecting to the session pooler " + POOLER
                + ":5432 instead (set pooler=transaction to keep port 6543)"), config.notices());
        assertEquals("Environment supabase: postgresql://postgres.abcdefghijklmnop@" + POOLER + ":5432/postgres "
                + "(schema public)", config.description());
    }

    @Test
    void explicitTransactionPoolerKeepsPortAndDisablesPreparedStatements() throws IOException {
        EnvironmentConfig config = resolve("url=postgresql://postgres.abcdefghijklmnop:pw@" + POOLER + ":6543/postgres\n"
                + "pooler=transaction\n");
        assertEquals(Optional.of("jdbc:postgresql://" + POOLER + ":6543/postgres"), config.jdbcUrl());
        assertEquals(PoolerMode.TRANSACTION, config.pooler());
        assertEquals("0", config.driverProperties().getProperty("prepareThreshold"));
        assertEquals(List.of("pooler=transaction: server-side prepared statements are disabled (prepareThreshold=0), "
                + "the migration lock is transaction-scoped, and revisions marked 'Transactional: false' are refused"),
                config.notices());
    }

    @Test
    void transactionPoolerFromTheCommandLine() throws IOException {
        EnvironmentConfig config = resolve("url=postgresql://u:pw@" + POOLER + ":6543/postgres\n",
                Map.of("migrate.pooler", "transaction"));
        assertEquals(PoolerMode.TRANSACTION, config.pooler());
        assertEquals(Optional.of("jdbc:postgresql://" + POOLER + ":6543/postgres"), config.jdbcUrl());
    }

    @Test
    void sessionPoolerPortIsLeftAlone() throws IOException {
        EnvironmentConfig config = resolve("url=postgresql://u:pw@" + POOLER + ":5432/postgres\n");
        assertEquals(Optional.of("jdbc:postgresql://" + POOLER + ":5432/postgres"), config.jdbcUrl());
        assertEquals(List.of(), config.notices());
    }

    @Test
    void selfHostedPgBouncerInTransactionMode() throws IOException {
        EnvironmentConfig config = resolve("url=postgresql://app@127.0.0.1:6432/app\npooler=transaction\n");
        assertEquals(PoolerMode.TRANSACTION, config.pooler());
        assertEquals("0", config.driverProperties().getProperty("prepareThreshold"));
        assertFalse(config.supabase());
        assertEquals(Optional.of("jdbc:postgresql://127.0.0.1:6432/app"), config.jdbcUrl());
    }

    @Test
    void managedSchemas() {
        assertEquals(List.of("auth", "storage", "realtime", "extensions", "graphql", "graphql_public", "vault",
                "pgsodium", "pgsodium_masks", "supabase_functions", "supabase_migrations", "cron", "net", "pgbouncer",
                "_realtime", "_analytics", "pg_catalog", "information_schema"), Supabase.MANAGED_SCHEMAS);
        assertTrue(Supabase.isManagedSchema("auth"));
        assertFalse(Supabase.isManagedSchema("public"));
    }
}
