package dev.migrate.engine.database.catalog;

import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The number of statements one read sends does not grow with the number of tables. */
@ExtendWith(TestDatabaseExtension.class)
class CatalogReaderQueryCountTest {

    @Test
    void tenTablesAndThreeHundredTablesTakeTheSameQueries(TestDatabase db) throws SQLException {
        db.execute(schema(0, 10));
        int ten = countedRead(db, 10);
        db.execute(schema(10, 300));
        int threeHundred = countedRead(db, 300);
        assertEquals(ten, threeHundred, "statements for 10 tables and for 300 tables");
        // the catalog queries, plus starting the read-only transaction and emptying the search path
        assertEquals(CatalogReader.queriesPerRead() + 2, ten);
        assertTrue(CatalogReader.queriesPerRead() <= 20, "a small, fixed number of catalog queries");
    }

    private static String schema(int from, int to) {
        StringBuilder sql = new StringBuilder();
        for (int i = from; i < to; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id bigint PRIMARY KEY, parent bigint REFERENCES t")
                    .append(i == 0 ? 0 : i - 1).append(" (id), name text NOT NULL DEFAULT '', score int CHECK (score > 0),")
                    .append(" created_at timestamptz DEFAULT now(), a int, b int, c jsonb);")
                    .append(" CREATE INDEX t").append(i).append("_name ON t").append(i).append(" (name);")
                    .append(" CREATE INDEX t").append(i).append("_created ON t").append(i).append(" (created_at);")
                    .append(" COMMENT ON TABLE t").append(i).append(" IS 'table ").append(i).append("';");
        }
        return sql.toString();
    }

    private static int countedRead(TestDatabase db, int tables) throws SQLException {
        AtomicInteger statements = new AtomicInteger();
        try (Connection real = db.connect()) {
            Connection counting = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")) {
                            statements.incrementAndGet();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            Catalog catalog = CatalogReader.read(counting, CatalogScope.allUserSchemas());
            assertEquals(tables, catalog.tables().size());
            assertEquals(tables * 2, catalog.indexes().size());
            assertEquals(tables * 3, catalog.constraints().size());
        }
        return statements.get();
    }
}
