package app.migrations;

import dev.migrate.engine.JavaMigration;
import dev.migrate.engine.Migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Fills users.display_name from the login, so that the next revision can make it NOT NULL. */
@Migration(id = "b2b2b2b2b2b2", revises = "a1a1a1a1a1a1", message = "backfill display names")
public class BackfillDisplayName implements JavaMigration {
    @Override
    public void upgrade(Connection connection) throws SQLException {
        int filled;
        try (Statement st = connection.createStatement()) {
            filled = st.executeUpdate("UPDATE users SET display_name = initcap(login) WHERE display_name IS NULL");
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO backfill_log (rows_filled) VALUES (?)")) {
            ps.setInt(1, filled);
            ps.executeUpdate();
        }
    }

    @Override
    public void downgrade(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("UPDATE users SET display_name = NULL");
        }
    }
}
