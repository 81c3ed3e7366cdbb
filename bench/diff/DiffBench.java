import dev.migrate.engine.database.catalog.Catalog;
import dev.migrate.engine.database.catalog.CatalogReader;
import dev.migrate.engine.database.catalog.CatalogScope;
import dev.migrate.engine.diff.DiffOptions;
import dev.migrate.engine.diff.SchemaDiff;
import dev.migrate.engine.diff.SchemaDiffer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Introspects and diffs two databases of N tables each (8 columns, 2 indexes and a foreign key per
 * table; 10 tables differ): wall time of read + read + diff, and the statements sent.
 * Usage: DiffBench [jdbc:postgresql://host:port/db] [tables] [rounds]
 */
public final class DiffBench {
    public static void main(String[] args) throws Exception {
        String admin = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/postgres";
        int tables = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Properties p = new Properties();
        p.setProperty("user", System.getProperty("user", "postgres"));
        String suffix = Long.toString(ProcessHandle.current().pid());
        String a = "bench_diff_a_" + suffix;
        String b = "bench_diff_b_" + suffix;
        String base = admin.substring(0, admin.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(admin, p); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + a);
            s.execute("CREATE DATABASE " + b);
        }
        try {
            String version;
            try (Connection ca = DriverManager.getConnection(base + a, p); Connection cb = DriverManager.getConnection(base + b, p)) {
                try (Statement s = ca.createStatement()) {
                    s.execute(schema(tables, false));
                }
                try (Statement s = cb.createStatement()) {
                    s.execute(schema(tables, true));
                }
                try (Statement s = ca.createStatement(); var rs = s.executeQuery("SHOW server_version")) {
                    rs.next();
                    version = rs.getString(1);
                }
                List<Long> times = new ArrayList<>();
                int statements = 0;
                int detected = 0;
                for (int i = 0; i < rounds + 1; i++) {
                    AtomicInteger count = new AtomicInteger();
                    long start = System.nanoTime();
                    Catalog from = CatalogReader.read(counting(ca, count), CatalogScope.allUserSchemas());
                    Catalog to = CatalogReader.read(counting(cb, count), CatalogScope.allUserSchemas());
                    SchemaDiff diff = SchemaDiffer.compare(from, to, DiffOptions.defaults());
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    if (from.tables().size() != tables || to.tables().size() != tables) {
                        throw new IllegalStateException("expected " + tables + " tables, read " + from.tables().size());
                    }
                    if (i > 0) { // the first round warms the JVM and the server's catalog caches
                        times.add(ms);
                    }
                    statements = count.get();
                    detected = diff.detectedLines().size();
                }
                Collections.sort(times);
                System.out.printf("PostgreSQL %s, %d tables per database (8 columns, 2 indexes, 1 FK each), 10 differing%n",
                        version, tables);
                System.out.printf("read both + diff: median %d ms, fastest %d ms over %d rounds; %d statements for both"
                        + " reads (%d per read); %d changes detected%n", times.get(times.size() / 2), times.get(0), rounds,
                        statements, statements / 2, detected);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(admin, p); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + a + " WITH (FORCE)");
                s.execute("DROP DATABASE IF EXISTS " + b + " WITH (FORCE)");
            }
        }
    }

    /** N tables t_i (8 columns, 2 indexes, a FK to the previous one); with {@code changed}, 10 of them differ. */
    static String schema(int n, boolean changed) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < n; i++) {
            boolean differs = changed && i % (n / 10) == 5;
            sql.append("CREATE TABLE t").append(i).append(" (id bigint PRIMARY KEY, parent_id bigint")
                    .append(i == 0 ? "" : " REFERENCES t" + (i - 1) + " (id)")
                    .append(", name text NOT NULL, status text NOT NULL DEFAULT '").append(differs ? "active" : "new")
                    .append("', score integer, created_at timestamptz NOT NULL DEFAULT now(), payload jsonb, ")
                    .append(differs ? "flag boolean NOT NULL DEFAULT false" : "flag boolean").append(");\n");
            sql.append("CREATE INDEX t").append(i).append("_name_idx ON t").append(i).append(" (name);\n");
            sql.append("CREATE INDEX t").append(i).append("_created_idx ON t").append(i).append(" (created_at)")
                    .append(differs ? " WHERE score > 0" : "").append(";\n");
        }
        return sql.toString();
    }

    private static Connection counting(Connection real, AtomicInteger statements) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
