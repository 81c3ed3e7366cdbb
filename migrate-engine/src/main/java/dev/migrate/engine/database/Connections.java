package dev.migrate.engine.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens connections to the configured database, turning failures into a message with the masked URL. */
final class Connections {
    private Connections() {
    }

    static Connection open(DatabaseSettings settings) {
        return open(settings, false);
    }

    /** With {@code keepAlive}, TCP keepalives on, for a connection that stays idle for a whole run. */
    static Connection open(DatabaseSettings settings, boolean keepAlive) {
        Properties properties = settings.driverProperties();
        properties.putIfAbsent("ApplicationName", "migrate");
        if (keepAlive) {
            properties.putIfAbsent("tcpKeepAlive", "true");
        }
        try {
            return DriverManager.getConnection(settings.jdbcUrl(), properties);
        } catch (SQLException e) {
            String password = properties.getProperty("password");
            String reason = String.valueOf(e.getMessage());
            if (password != null && !password.isEmpty()) {
                reason = reason.replace(password, "***");
            }
            throw new DatabaseConnectionException(settings.maskedUrl(), e.getSQLState(), reason, scrubbed(e, password));
        }
    }

    /** The driver's exception, or a stand-in without its message when that message holds the password. */
    private static Throwable scrubbed(SQLException e, String password) {
        if (password == null || password.isEmpty() || !String.valueOf(e.toString()).contains(password)) {
            return e;
        }
        return new SQLException("(message removed: it contained the password)", e.getSQLState());
    }
}
