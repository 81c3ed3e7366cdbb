package dev.migrate.engine.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local embedded server: data kept across restarts, a running server joined, stopped by its last user. */
class EmbeddedServerTest {

    @Test
    void keepsItsDataAcrossRestartsAndIsJoinedWhileRunning(@TempDir Path target) throws Exception {
        Path data = target.resolve("migrate").resolve("local-db");
        try (EmbeddedServer first = EmbeddedServer.start(data)) {
            assertTrue(first.initialized());
            assertFalse(first.reused());
            assertTrue(first.startTime().toMillis() > 0);
            execute(first, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
        }
        assertTrue(PostmasterPid.read(data).isEmpty(), "stopped when closed");
        assertTrue(Files.exists(data.resolve("PG_VERSION")), "data kept");

        EmbeddedServer second = EmbeddedServer.start(data);
        assertFalse(second.initialized());
        assertFalse(second.reused());
        assertEquals(List.of("still here"), query(second, "SELECT note FROM kept"));
        long pid = PostmasterPid.read(data).orElseThrow().pid();

        EmbeddedServer joined = EmbeddedServer.start(data);
        assertTrue(joined.reused());
        assertEquals(second.port(), joined.port());

        second.close();
        assertEquals(List.of("still here"), query(joined, "SELECT note FROM kept"), "another user keeps it running");
        joined.close();
        assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the last user stops it");
        assertTrue(PostmasterPid.read(data).isEmpty());
    }

    @Test
    void aServerHeldUntilExitOutlivesItsCloseAndLaterUsers(@TempDir Path target) throws Exception {
        Path data = target.resolve("local-db");
        EmbeddedServer upgrade = EmbeddedServer.start(data);
        long pid = PostmasterPid.read(data).orElseThrow().pid();
        execute(upgrade, "CREATE TABLE migrated (id int); INSERT INTO migrated VALUES (1)");
        upgrade.holdUntilExit();
        assertTrue(upgrade.heldUntilExit());
        upgrade.close();
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "close does not stop a held server");

        // a later goal of the same build joins it and, closing, leaves it to the integration tests
        EmbeddedServer check = EmbeddedServer.start(data);
        assertTrue(check.reused());
        assertEquals(upgrade.port(), check.port());
        check.close();
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "a later user does not stop it");
        try (Connection c = DriverManager.getConnection(upgrade.jdbcUrl(), upgrade.driverProperties());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM migrated")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }

        upgrade.stop(); // what the JVM's exit does
        assertTrue(PostmasterPid.read(data).isEmpty(), "stopped at exit");
    }

    @Test
    void twoBuildsStartingAtOnceShareOneServer(@TempDir Path target) throws Exception {
        Path data = target.resolve("local-db");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.Callable<EmbeddedServer> build = () -> {
                together.await();
                return EmbeddedServer.start(data);
            };
            java.util.concurrent.Future<EmbeddedServer> a = pool.submit(build);
            java.util.concurrent.Future<EmbeddedServer> b = pool.submit(build);
            EmbeddedServer first = a.get();
            EmbeddedServer second = b.get();
            assertEquals(first.port(), second.port());
            assertTrue(first.reused() != second.reused(), "one started it, the other joined");
            EmbeddedServer starter = first.reused() ? second : first;
            EmbeddedServer joiner = first.reused() ? first : second;
            starter.close();
            assertEquals(List.of("1"), query(joiner, "SELECT 1"), "the starter leaves it to the other build");
            joiner.close();
        } finally {
            pool.shutdownNow();
        }
        assertTrue(PostmasterPid.read(data).isEmpty(), "stopped by the last of the two");
    }

    @Test
    void startsOnlyWhenAskedFor(@TempDir Path target) throws Exception {
        Path data = target.resolve("local-db");
        try (EmbeddedServer.OnDemand server = EmbeddedServer.onDemand(data)) {
            assertFalse(server.started());
            assertFalse(Files.exists(data));
        }
        try (EmbeddedServer.OnDemand server = EmbeddedServer.onDemand(data)) {
            assertEquals(List.of("1"), query(server.get(), "SELECT 1"));
            assertTrue(server.started());
        }
        assertTrue(PostmasterPid.read(data).isEmpty());
    }

    @Test
    void aStalePidFileFromACrashDoesNotCountAsRunning(@TempDir Path target) throws Exception {
        Path data = target.resolve("local-db");
        Files.createDirectories(data);
        Files.writeString(data.resolve("postmaster.pid"), "2147483000\n" + data + "\n0\n5999\n");
        assertTrue(PostmasterPid.read(data).isEmpty());
        Files.delete(data.resolve("postmaster.pid"));
    }

    private static void execute(EmbeddedServer server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.driverProperties());
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> query(EmbeddedServer server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.driverProperties());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
