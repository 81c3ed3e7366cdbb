package dev.migrate.engine.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A fresh, empty database created for one test on the test server, dropped by {@link #close()}.
 * Hands out plain JDBC connections; {@link #query(String)} is a small helper for assertions.
 */
public final class TestDatabase implements AutoCloseable {
    private final TestServer server;
    private final String name;

    TestDatabase(TestServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    /** Driver properties (user, password) for {@link #jdbcUrl()}. */
    public Properties properties() {
        return server.properties();
    }

    public String host() {
        return server.host();
    }

    public int port() {
        return server.port();
    }

    public String user() {
        return server.credentials().getProperty("user");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), properties());
    }

    /** Runs one or more statements in autocommit. */
    public void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test setup SQL failed: " + sql, e);
        }
    }

    /** Rows of a query, each row its columns joined by {@code |}, in the query's order. */
    public List<String> query(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    if (i > 1) {
                        row.append('|');
                    }
                    row.append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Test query failed: " + sql, e);
        }
    }

    /** Whether a table (or view) of that name exists in the given schema. */
    public boolean tableExists(String schema, String table) {
        return !query("SELECT 1 FROM information_schema.tables WHERE table_schema = '" + schema
                + "' AND table_name = '" + table + "'").isEmpty();
    }

    @Override
    public void close() {
        try (Connection c = server.connectAdmin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test database " + name, e);
        }
    }

    @Override
    public String toString() {
        return name + " on " + server.kind() + " " + server.host() + ":" + server.port();
    }
}
