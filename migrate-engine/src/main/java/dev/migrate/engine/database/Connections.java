package dev.migrate.engine.database;

import dev.migrate.engine.config.Secrets;

import java.net.UnknownHostException;
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
            Secrets secrets = settings.secrets();
            String reason = secrets.scrub(reason(e));
            Throwable cause = secrets.isClean(e.toString()) && secrets.isClean(String.valueOf(e.getCause())) ? e
                    : secrets.scrubbed(e);
            throw new DatabaseConnectionException(settings.maskedUrl(), e.getSQLState(), reason, cause);
        }
    }

    /** The driver's message, or what its cause says when that is clearer (an unknown host). */
    private static String reason(SQLException e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof UnknownHostException unknown) {
                return "could not resolve host " + unknown.getMessage();
            }
        }
        return String.valueOf(e.getMessage());
    }
}
