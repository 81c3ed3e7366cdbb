package dev.migrate.engine.lint;

import dev.migrate.engine.database.ScratchDatabaseException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * An empty database created on a server for one lint run and dropped when closed. The server is
 * reached through {@code adminUrl} (a {@code jdbc:postgresql://host:port/db} whose user may
 * create databases).
 */
public final class ScratchDatabase implements AutoCloseable {
    private final String adminUrl;
    private final Properties properties;
    private final String name;
    private final Connection connection;

    private ScratchDatabase(String adminUrl, Properties properties, String name, Connection connection) {
        this.adminUrl = adminUrl;
        this.properties = properties;
        this.name = name;
        this.connection = connection;
    }

    public static ScratchDatabase create(String adminUrl, Properties properties) {
        String name = "migrate_lint_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(adminUrl, properties); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new ScratchDatabaseException(name, withoutQuery(adminUrl), "cannot be created for lint: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ". The scratch server's user must be allowed to CREATE DATABASE", e);
        }
        String url = withDatabase(adminUrl, name);
        try {
            Properties p = new Properties();
            p.putAll(properties);
            p.setProperty("ApplicationName", "migrate lint");
            return new ScratchDatabase(adminUrl, properties, name, DriverManager.getConnection(url, p));
        } catch (SQLException e) {
            throw new ScratchDatabaseException(name, "", "cannot be reached by lint: " + e.getMessage(), e);
        }
    }

    public Connection connection() {
        return connection;
    }

    public String name() {
        return name;
    }

    static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String tail = query < 0 ? "" : jdbcUrl.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + tail;
    }

    private static String withoutQuery(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // dropped below anyway
        }
        try (Connection admin = DriverManager.getConnection(adminUrl, properties); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // a scratch database left behind is harmless; its name says what it was
        }
    }
}
