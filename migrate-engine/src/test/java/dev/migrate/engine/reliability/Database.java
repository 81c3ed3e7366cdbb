package dev.migrate.engine.reliability;

import dev.migrate.engine.testing.Rows;
import dev.migrate.engine.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The database a reliability test migrates: one of the shared test server's, or one on a server
 * the test starts and stops itself. Plain JDBC; {@link #query} joins each row's columns with {@code |}.
 */
record Database(String jdbcUrl, String user, Properties properties) {
    static Database of(TestDatabase db) {
        return new Database(db.jdbcUrl(), db.user(), db.properties());
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test SQL failed: " + sql, e);
        }
    }

    List<String> query(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return Rows.of(rs);
        } catch (SQLException e) {
            throw new IllegalStateException("Test query failed: " + sql, e);
        }
    }
}
