package dev.migrate.engine.database;

import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.testing.Revisions;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A no-op upgrade talks to the server a fixed number of times, whatever the number of applied
 * revisions: no query per revision. Counted on the wire over both connections (the run's and the
 * lock's), less what connecting and closing them costs on this server.
 */
@ExtendWith(TestDatabaseExtension.class)
class NoopRoundTripsTest {
    /**
     * Beyond connecting and closing the two connections: on the run's, the session settings with
     * the table state, then the state (heads, checksums, interrupted steps); on the lock's, the
     * lock and the unlock.
     */
    static final int NOOP_EXCHANGES = 4;

    @Test
    void aNoOpUpgradeTakesTheSameExchangesWithThreeOrThirtyAppliedRevisions(TestDatabase db) {
        assertEquals(List.of(NOOP_EXCHANGES, NOOP_EXCHANGES), List.of(noOpExchanges(db, 3, "s3"), noOpExchanges(db, 30, "s30")));
    }

    private static int noOpExchanges(TestDatabase db, int revisions, String schema) {
        List<RevisionScript> chain = new ArrayList<>();
        String parent = null;
        for (int i = 1; i <= revisions; i++) {
            String id = String.format("%012x", 0xaaaa00000000L + i);
            chain.add(Revisions.script(id, parent, "t" + i, "CREATE TABLE t" + i + " (id int);", "DROP TABLE t" + i + ";"));
            parent = id;
        }
        Map<String, RevisionScript> scripts = Revisions.byId(chain.toArray(RevisionScript[]::new));
        String head = parent;
        db.execute("CREATE SCHEMA " + schema);
        DatabaseSettings plain = DatabaseSettings.of(db.jdbcUrl(), db.properties()).withSchema(schema);
        try (Migrator migrator = Migrator.connect(plain)) {
            migrator.migrate(scripts, heads -> Revisions.upgrade(chain, heads, head), RunOptions.defaults(), MigrationListener.NONE);
        }
        Properties counted = db.properties();
        counted.setProperty("socketFactory", ExchangeCountingSocketFactory.class.getName());
        ExchangeCountingSocketFactory.reset();
        try (Migrator migrator = Migrator.connect(DatabaseSettings.of(db.jdbcUrl(), counted).withSchema(schema))) {
            RunResult noop = migrator.migrate(scripts, heads -> Revisions.upgrade(chain, heads, head), RunOptions.defaults(),
                    MigrationListener.NONE);
            assertEquals(0, noop.steps().size());
        }
        assertEquals(2, ExchangeCountingSocketFactory.SOCKETS.get(), "sockets");
        int run = ExchangeCountingSocketFactory.EXCHANGES.get();
        // what connecting and closing the same two connections costs alone (SSL, authentication: per server)
        ExchangeCountingSocketFactory.reset();
        DatabaseSettings settings = DatabaseSettings.of(db.jdbcUrl(), counted).withSchema(schema);
        try (Connection work = Connections.open(settings); Connection lock = Connections.open(settings, true)) {
            assertEquals(2, ExchangeCountingSocketFactory.SOCKETS.get(), "sockets");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return run - ExchangeCountingSocketFactory.EXCHANGES.get();
    }
}
