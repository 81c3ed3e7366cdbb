package dev.migrate.bench;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server every tool runs against, and its fresh databases. Parsed from
 * {@code [jdbc:]postgresql://[user[:password]@]host[:port][/db]}; the default is the machine's
 * server at {@code 127.0.0.1:5432} as {@code postgres}.
 */
public record Server(String host, int port, String user, String password, String adminDatabase) {
    public static final String DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public static Server parse(String url) {
        String text = url.startsWith("jdbc:") ? url.substring(5) : url;
        URI uri = URI.create(text.replaceFirst("^postgres(ql)?://", "postgresql://"));
        String user = "postgres";
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        return new Server(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password, db);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public Properties credentials() {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        return props;
    }

    /** libpq variables for psql. */
    public Map<String, String> libpqEnvironment(String database) {
        return Map.of("PGHOST", host, "PGPORT", Integer.toString(port), "PGUSER", user,
                "PGPASSWORD", password, "PGDATABASE", database);
    }

    public String describe() {
        return "postgresql://" + user + "@" + host + ":" + port;
    }

    /**
     * Before a timed sample: a checkpoint, so that the dirty pages and WAL of the sample before
     * (another tool's, or a dropped database's) are written now rather than during this one.
     */
    public void settle() throws SQLException {
        admin("CHECKPOINT");
    }

    /** Creates an empty database named after the tool; the caller drops it. */
    public String createDatabase(String tool) throws SQLException {
        String name = "bench_" + tool.replaceAll("[^a-z0-9]", "_") + "_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
        admin("CREATE DATABASE " + name + " TEMPLATE template0");
        return name;
    }

    /** Creates an empty database of that name again (after {@link #dropDatabase}). */
    public void createDatabaseNamed(String name) throws SQLException {
        admin("CREATE DATABASE " + name + " TEMPLATE template0");
    }

    public void dropDatabase(String name) throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    public String serverVersion() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(adminDatabase), credentials());
             Statement s = c.createStatement();
             var rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(adminDatabase), credentials());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
