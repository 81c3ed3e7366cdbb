package dev.migrate.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain checks after a run, so that a tool that silently did nothing cannot look fast. */
final class Verification {
    private Verification() {
    }

    static void tables(Server server, String database, int expected) throws SQLException {
        long tables = count(server, database,
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'item\\_%'");
        if (tables != expected) {
            throw new IllegalStateException(database + ": expected " + expected + " item tables, found " + tables);
        }
    }

    static long count(Server server, String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), server.credentials());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
