package dev.migrate.engine.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server the tests of this JVM share, and fresh databases on it.
 *
 * <p>One server per test JVM, chosen once: the server named by {@code MIGRATE_TEST_URL} (a
 * {@code jdbc:postgresql://} or {@code postgresql://user:pass@host:port/db} URL of a server where
 * the user may CREATE DATABASE) when set; else a {@code postgres:17} container when a Docker
 * engine is available; else an embedded PostgreSQL (io.zonky). Each test gets its own database
 * with a unique name, dropped afterwards ({@link TestDatabase#close()}, or the
 * {@link TestDatabaseExtension}).
 */
public final class TestDatabases {
    public static final String URL_VARIABLE = "MIGRATE_TEST_URL";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN_ID = Long.toString(ProcessHandle.current().pid(), 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
    private static volatile TestServer server;

    private TestDatabases() {
    }

    /** Creates a new, empty database; the caller closes it to drop it. */
    public static TestDatabase create() {
        return create(null);
    }

    /**
     * Creates a new database as a copy of {@code template} (a database of this server nobody is
     * connected to), or empty when it is null; the caller closes it to drop it.
     */
    public static TestDatabase create(TestDatabase template) {
        TestServer s = server();
        String name = "migrate_test_" + RUN_ID + "_" + COUNTER.incrementAndGet();
        try (Connection c = s.connectAdmin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE \"" + name + "\"" + (template == null ? "" : " TEMPLATE \"" + template.name() + "\""));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + " on " + s.kind()
                    + " server " + s.host() + ":" + s.port(), e);
        }
        return new TestDatabase(s, name);
    }

    /** The shared test server as a server for {@link dev.migrate.engine.database.ScratchDatabases}. */
    public static dev.migrate.engine.database.ScratchDatabases.Server scratchServer() {
        TestServer s = server();
        return new dev.migrate.engine.database.ScratchDatabases.Server(s.jdbcUrl(s.adminDatabase()), s.properties(),
                s.kind() + " test server");
    }

    /** The shared server, started on first use. */
    static TestServer server() {
        TestServer s = server;
        if (s == null) {
            synchronized (TestDatabases.class) {
                s = server;
                if (s == null) {
                    s = startServer();
                    server = s;
                }
            }
        }
        return s;
    }

    private static TestServer startServer() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return fromUrl(url.trim());
        }
        if (dockerAvailable()) {
            return container();
        }
        return embedded();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static TestServer container() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "migrate-test-postgres-stop"));
        Properties credentials = new Properties();
        credentials.setProperty("user", container.getUsername());
        credentials.setProperty("password", container.getPassword());
        return new TestServer("container", container.getHost(), container.getMappedPort(5432),
                container.getDatabaseName(), credentials);
    }

    private static TestServer embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            // the builder registers a shutdown hook that stops the server and deletes its data
            Properties credentials = new Properties();
            credentials.setProperty("user", "postgres");
            return new TestServer("embedded", "localhost", postgres.getPort(), "postgres", credentials);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL for the tests", e);
        }
    }

    /** Reads {@code jdbc:postgresql://host:port/db?user=..&password=..} or {@code postgresql://user:pass@host:port/db}. */
    static TestServer fromUrl(String url) {
        String rest = url.startsWith("jdbc:") ? url.substring(5) : url;
        URI uri = URI.create(rest.replaceFirst("^postgres(ql)?(\\+\\w+)?://", "postgresql://"));
        Properties credentials = new Properties();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            credentials.setProperty("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                credentials.setProperty("password", decode(userInfo.substring(colon + 1)));
            }
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    credentials.setProperty(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        credentials.putIfAbsent("user", "postgres");
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String host = uri.getHost() == null ? "localhost" : uri.getHost().replaceAll("^\\[|]$", "");
        return new TestServer("url", host, uri.getPort() < 0 ? 5432 : uri.getPort(),
                path.isEmpty() ? "postgres" : path, credentials);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Where the shared server came from: {@code url}, {@code container} or {@code embedded}. */
    public static String serverKind() {
        return server().kind().toLowerCase(Locale.ROOT);
    }
}
