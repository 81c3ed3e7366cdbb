package dev.migrate.engine.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A PostgreSQL server on which the tests may create and drop databases: its host, port and
 * credentials, and where it came from (for the test log).
 */
record TestServer(String kind, String host, int port, String adminDatabase, Properties credentials) {

    String jdbcUrl(String database) {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + database;
    }

    Properties properties() {
        Properties copy = new Properties();
        copy.putAll(credentials);
        return copy;
    }

    Connection connectAdmin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(adminDatabase), properties());
    }
}
