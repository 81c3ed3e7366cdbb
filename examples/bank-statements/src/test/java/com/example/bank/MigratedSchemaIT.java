package com.example.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Runs in the integration-test phase against the database that migrate:upgrade brought to head
 * in pre-integration-test; the connection comes from the properties that goal exported.
 */
class MigratedSchemaIT {

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                System.getProperty("db.url"), System.getProperty("db.user"), System.getProperty("db.password"));
    }

    @Test
    void anAnalysisBelongsToAStatementOfAnAccount() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO accounts (iban, holder) VALUES ('DE89370400440532013000', 'Ada')");
            s.execute("INSERT INTO statements (account_id, period_start, period_end, file_name)"
                    + " SELECT id, DATE '2026-10-01', DATE '2026-10-31', 'october.pdf' FROM accounts");
            s.execute("INSERT INTO analyses (statement_id, total_in_cents, total_out_cents)"
                    + " SELECT id, 120000, 80000 FROM statements");
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT a.holder, n.total_in_cents - n.total_out_cents FROM analyses n"
                            + " JOIN statements st ON st.id = n.statement_id JOIN accounts a ON a.id = st.account_id");
                    ResultSet r = q.executeQuery()) {
                r.next();
                assertEquals("Ada", r.getString(1));
                assertEquals(40000, r.getLong(2));
            }
            c.rollback();
        }
    }

    @Test
    void theCheckConstraintsHold() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> s.execute("INSERT INTO accounts (iban, holder) VALUES ('not an iban', 'Bob')"));
            assertEquals("23514", e.getSQLState()); // check_violation
        }
    }
}
