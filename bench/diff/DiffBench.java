import dev.migrate.engine.database.catalog.Catalog;
import dev.migrate.engine.database.catalog.CatalogReader;
import dev.migrate.engine.database.catalog.CatalogScope;
import dev.migrate.engine.diff.DiffOptions;
import dev.migrate.engine.diff.SchemaDiff;
import dev.migrate.engine.diff.SchemaDiffer;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Introspect and diff an N-table schema (8 columns, 2 indexes and a foreign key per table; 10 tables
 * differ): migrate, migra and Alembic's compare_metadata on the same two databases in one run.
 * Seconds are the median of the timed runs; queries are counted in one more run through a local proxy
 * that counts the Query and Execute messages each client sends to PostgreSQL.
 *
 * <p>Usage: DiffBench --url postgresql://postgres@127.0.0.1:5432/postgres --tables 100,1000 --runs 5
 * [--migra PATH] [--python PATH --alembic-script PATH] [--out RESULTS.md] [--notes TEXT]
 */
public final class DiffBench {
    private static final int DIFFERING = 10;

    record Measure(String tool, String what, List<Double> seconds, int queries, String found) {
        double median() {
            List<Double> s = new ArrayList<>(seconds);
            Collections.sort(s);
            int n = s.size();
            return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI server = URI.create(opt.getOrDefault("url", "postgresql://postgres@127.0.0.1:5432/postgres"));
        int runs = Integer.parseInt(opt.getOrDefault("runs", "5"));
        String migra = opt.get("migra");
        String python = opt.get("python");
        List<Integer> sizes = new ArrayList<>();
        for (String s : opt.getOrDefault("tables", "100,1000").split(",")) {
            sizes.add(Integer.parseInt(s.trim()));
        }
        Map<Integer, List<Measure>> results = new LinkedHashMap<>();
        Map<Integer, String> loads = new LinkedHashMap<>();
        String serverVersion;
        try (Connection admin = connect(server, dbName(server), server.getPort())) {
            serverVersion = one(admin, "SHOW server_version");
        }
        for (int n : sizes) {
            String a = "bench_diff_" + n + "_live";
            String b = "bench_diff_" + n + "_desired";
            String loadBefore = load();
            try {
                create(server, a, schema(n, false));
                create(server, b, schema(n, true));
                List<Measure> m = new ArrayList<>();
                m.add(migrate(server, a, b, runs));
                if (migra != null) {
                    m.add(migra(server, migra, a, b, runs));
                }
                if (python != null) {
                    m.add(alembic(server, python, opt.get("alembic-script"), a, b, runs));
                }
                results.put(n, m);
                loads.put(n, loadBefore + " → " + load());
                for (Measure x : m) {
                    System.out.printf("%5d tables  %-28s %8.3f s  %6d queries  %s%n", n, x.tool(), x.median(),
                            x.queries(), x.found());
                }
            } finally {
                drop(server, a);
                drop(server, b);
            }
        }
        String out = opt.get("out");
        if (out != null) {
            Files.writeString(Path.of(out), report(results, loads, runs, serverVersion, opt.getOrDefault("notes", "")),
                    StandardCharsets.UTF_8);
            System.out.println("wrote " + out);
        }
    }

    // ------------------------------------------------------------------ tools

    private static Measure migrate(URI server, String a, String b, int runs) throws Exception {
        double first = 0;
        for (int i = 0; i < 2; i++) { // warm-up; the first is a fresh JVM
            double s = migrateOnce(server, a, b, server.getPort())[0];
            if (i == 0) {
                first = s;
            }
        }
        List<Double> seconds = new ArrayList<>();
        List<Double> diffing = new ArrayList<>();
        int detected = 0;
        for (int i = 0; i < runs; i++) {
            double[] r = migrateOnce(server, a, b, server.getPort());
            seconds.add(r[0]);
            detected = (int) r[1];
            diffing.add(r[2]);
        }
        Collections.sort(diffing);
        int queries;
        try (CountingProxy proxy = new CountingProxy(server.getHost(), server.getPort())) {
            migrateOnce(server, a, b, proxy.port());
            queries = proxy.count();
        }
        return new Measure("migrate (engine)", "2 reads + diff + SQL", seconds, queries,
                detected + " changes detected; diff and SQL " + String.format("%.3f s", diffing.get(diffing.size() / 2))
                        + " of it; first warm-up run " + String.format("%.2f s", first));
    }

    private static double[] migrateOnce(URI server, String a, String b, int port) throws SQLException {
        long start = System.nanoTime();
        try (Connection live = connect(server, a, port); Connection desired = connect(server, b, port)) {
            Catalog from = CatalogReader.read(live, CatalogScope.allUserSchemas());
            Catalog to = CatalogReader.read(desired, CatalogScope.allUserSchemas());
            long read = System.nanoTime();
            SchemaDiff diff = SchemaDiffer.compare(from, to, DiffOptions.defaults());
            String sql = diff.upgradeSql() + diff.downgradeSql();
            if (sql.isEmpty()) {
                throw new IllegalStateException("migrate found no difference");
            }
            long end = System.nanoTime();
            return new double[] {(end - start) / 1e9, diff.detectedLines().size(), (end - read) / 1e9};
        }
    }

    private static Measure migra(URI server, String migra, String a, String b, int runs) throws Exception {
        List<Double> seconds = new ArrayList<>();
        String found = "";
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            String sql = run(List.of(migra, url(server, a, server.getPort()), url(server, b, server.getPort()),
                    "--unsafe"));
            seconds.add((System.nanoTime() - start) / 1e9);
            found = sql.split(";\\s*\\n", -1).length - 1 + " statements";
        }
        int queries;
        try (CountingProxy proxy = new CountingProxy(server.getHost(), server.getPort())) {
            run(List.of(migra, url(server, a, proxy.port()), url(server, b, proxy.port()), "--unsafe"));
            queries = proxy.count();
        }
        return new Measure("migra (@pgkit/migra)", "process: 2 reads + diff", seconds, queries, found);
    }

    private static Measure alembic(URI server, String python, String script, String a, String b, int runs)
            throws Exception {
        List<Double> seconds = new ArrayList<>();
        String found = "";
        for (String line : run(List.of(python, script, sqlalchemyUrl(server, a, server.getPort()),
                sqlalchemyUrl(server, b, server.getPort()), Integer.toString(runs))).split("\n")) {
            if (line.startsWith("{")) {
                seconds.add(Double.parseDouble(line.replaceAll(".*\"seconds\": ([0-9.eE-]+).*", "$1")));
                found = line.replaceAll(".*\"diffs\": ([0-9]+).*", "$1") + " diffs";
            }
        }
        int queries;
        try (CountingProxy proxy = new CountingProxy(server.getHost(), server.getPort())) {
            // only the live database goes through the proxy: compare_metadata reads that one
            run(List.of(python, script, sqlalchemyUrl(server, a, proxy.port()), sqlalchemyUrl(server, b,
                    server.getPort()), "1"));
            queries = proxy.count();
        }
        return new Measure("Alembic compare_metadata", "1 read + diff (metadata given)", seconds, queries, found);
    }

    private static String run(List<String> command) throws Exception {
        Path errors = Files.createTempFile("diff-bench", ".err");
        Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish in 600 s");
        }
        if (p.exitValue() != 0 && p.exitValue() != 2) {
            String err = Files.readString(errors);
            throw new IllegalStateException(command.get(0) + " exited with " + p.exitValue() + ":\n"
                    + err.substring(Math.max(0, err.length() - 2000)));
        }
        Files.deleteIfExists(errors);
        return new String(out, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ workload

    /** N tables of 8 columns, 2 indexes and a foreign key each; the desired side changes 10 of them. */
    static String schema(int n, boolean desired) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String t = "t" + i;
            sql.append("CREATE TABLE ").append(t).append(" (id bigint PRIMARY KEY, parent_id bigint REFERENCES t")
                    .append(i == 0 ? 0 : i - 1).append(" (id), name text NOT NULL DEFAULT '', score integer,")
                    .append(" amount numeric(12,2), active boolean NOT NULL DEFAULT true,")
                    .append(" created_at timestamptz NOT NULL DEFAULT now(), payload jsonb);\n")
                    .append("CREATE INDEX ").append(t).append("_name ON ").append(t).append(" (name);\n")
                    .append("CREATE INDEX ").append(t).append("_created_at ON ").append(t).append(" (created_at);\n");
            if (desired && i % (n / DIFFERING) == 0) {
                sql.append("ALTER TABLE ").append(t).append(" ADD COLUMN note text;\n")
                        .append("ALTER TABLE ").append(t).append(" ALTER COLUMN score SET DEFAULT 0;\n")
                        .append("CREATE INDEX ").append(t).append("_score ON ").append(t).append(" (score);\n");
            }
        }
        return sql.toString();
    }

    private static void create(URI server, String db, String sql) throws SQLException {
        drop(server, db);
        try (Connection admin = connect(server, dbName(server), server.getPort()); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        try (Connection c = connect(server, db, server.getPort()); Statement s = c.createStatement()) {
            s.execute(sql);
            s.execute("ANALYZE");
        }
    }

    private static void drop(URI server, String db) throws SQLException {
        try (Connection admin = connect(server, dbName(server), server.getPort()); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
        }
    }

    // ------------------------------------------------------------------ connections

    private static String dbName(URI server) {
        String p = server.getPath() == null ? "" : server.getPath().replaceFirst("^/", "");
        return p.isEmpty() ? "postgres" : p;
    }

    private static String user(URI server) {
        String info = server.getUserInfo();
        return info == null ? "postgres" : info.split(":", 2)[0];
    }

    private static String password(URI server) {
        String info = server.getUserInfo();
        return info == null || !info.contains(":") ? null : info.split(":", 2)[1];
    }

    private static Connection connect(URI server, String db, int port) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", user(server));
        if (password(server) != null) {
            p.setProperty("password", password(server));
        }
        p.setProperty("sslmode", "disable");
        p.setProperty("gssEncMode", "disable");
        return DriverManager.getConnection("jdbc:postgresql://" + server.getHost() + ":" + port + "/" + db, p);
    }

    private static String url(URI server, String db, int port) {
        return "postgresql://" + server.getRawUserInfo() + "@" + server.getHost() + ":" + port + "/" + db
                + "?sslmode=disable";
    }

    private static String sqlalchemyUrl(URI server, String db, int port) {
        return "postgresql+psycopg2://" + server.getRawUserInfo() + "@" + server.getHost() + ":" + port + "/" + db
                + "?sslmode=disable";
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    // ------------------------------------------------------------------ report

    private static String report(Map<Integer, List<Measure>> results, Map<Integer, String> loads, int runs,
                                 String serverVersion, String notes) {
        StringBuilder md = new StringBuilder();
        md.append("# Introspect and diff: migrate, migra, Alembic\n\n");
        md.append("Generated by `bench/diff/run` on ").append(Instant.now().toString(), 0, 16).append("Z.\n\n");
        md.append("Workload: N tables, each with 8 columns (a `bigint` primary key, a foreign key to the previous")
                .append(" table, defaults, `numeric`, `jsonb`), 2 indexes and a foreign key; the desired database")
                .append(" differs in ").append(DIFFERING).append(" tables (an added column, a changed server default,")
                .append(" an added index each). Both databases live on the same server.\n\n");
        md.append("| tables | tool | what is timed | seconds (median of ").append(runs).append(") | fastest | queries |")
                .append(" found | load (1/5/15 min, before → after) |\n|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<Integer, List<Measure>> e : results.entrySet()) {
            for (Measure m : e.getValue()) {
                md.append(String.format("| %,d | %s | %s | %.3f | %.3f | %d | %s | %s |%n", e.getKey(), m.tool(),
                        m.what(), m.median(), Collections.min(m.seconds()), m.queries(), m.found(),
                        loads.get(e.getKey())));
            }
        }
        md.append("\nPostgreSQL ").append(serverVersion).append(". ").append(notes).append("\n");
        return md.toString();
    }

    // ------------------------------------------------------------------ counting proxy

    /**
     * Forwards connections to the server and counts the statements clients send: each simple-protocol
     * Query ('Q') and each extended-protocol Execute ('E') message.
     */
    static final class CountingProxy implements AutoCloseable {
        private final ServerSocket listener;
        private final AtomicInteger statements = new AtomicInteger();
        private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());

        CountingProxy(String host, int port) throws IOException {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        Socket upstream = new Socket(host, port);
                        client.setTcpNoDelay(true);
                        upstream.setTcpNoDelay(true);
                        sockets.add(client);
                        sockets.add(upstream);
                        pump(upstream.getInputStream(), client.getOutputStream());
                        Thread t = new Thread(() -> frontend(client, upstream), "proxy-frontend");
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "proxy-accept");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        int count() {
            return statements.get();
        }

        private static void pump(InputStream in, OutputStream out) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[65536];
                try {
                    for (int r; (r = in.read(buf)) > 0; ) {
                        out.write(buf, 0, r);
                        out.flush();
                    }
                } catch (IOException ignored) {
                    // connection closed
                } finally {
                    try {
                        out.close();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            }, "proxy-backend");
            t.setDaemon(true);
            t.start();
        }

        private void frontend(Socket client, Socket upstream) {
            try (DataInputStream in = new DataInputStream(client.getInputStream());
                 OutputStream out = upstream.getOutputStream()) {
                boolean startup = true;
                while (true) {
                    int type = -1;
                    if (!startup) {
                        type = in.read();
                        if (type < 0) {
                            return;
                        }
                    }
                    int length = in.readInt();
                    byte[] body = new byte[length - 4];
                    in.readFully(body);
                    if (startup) {
                        int code = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8)
                                | (body[3] & 0xff);
                        startup = code == 80877103 || code == 80877104; // SSL or GSS encryption request: refused
                    } else if (type == 'Q' || type == 'E') {
                        statements.incrementAndGet();
                    }
                    byte[] message = new byte[(type >= 0 ? 1 : 0) + length];
                    int at = 0;
                    if (type >= 0) {
                        message[at++] = (byte) type;
                    }
                    message[at++] = (byte) (length >>> 24);
                    message[at++] = (byte) (length >>> 16);
                    message[at++] = (byte) (length >>> 8);
                    message[at++] = (byte) length;
                    System.arraycopy(body, 0, message, at, body.length);
                    out.write(message); // one write per message, no delay: counting must not slow the client
                    out.flush();
                }
            } catch (EOFException ignored) {
                // client gone
            } catch (IOException ignored) {
                // connection closed
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            synchronized (sockets) {
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }
}
