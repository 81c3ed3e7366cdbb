package dev.migrate.it;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The project's own integration test, on the schema migrate:upgrade built before it. */
class AccountsIT {
    @Test
    void readsTheMigratedTable() throws Exception {
        String url = System.getProperty("db.url");
        // with a password, read it where migrate did: failsafe logs its system properties with -X
        String password = System.getenv().getOrDefault("MIGRATE_PASSWORD", System.getProperty("db.password"));
        try (Connection c = DriverManager.getConnection(url, System.getProperty("db.user"), password);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT owner FROM accounts ORDER BY id")) {
            List<String> owners = new ArrayList<>();
            while (rs.next()) {
                owners.add(rs.getString(1));
            }
            assertEquals(List.of("ada", "grace"), owners);
        }
    }
}
