package dev.migrate.engine.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Temporary databases for comparing and measuring schemas (head schema, desired schema, drift,
 * lint): each {@link #create(String)} makes a uniquely named empty database on one server, and
 * closing it drops it with {@code DROP DATABASE … WITH (FORCE)}. Closing this object drops any
 * database still open, and a shutdown hook does the same when the JVM is stopped (Ctrl-C, kill),
 * so a failing or interrupted goal leaves nothing behind.
 *
 * <p>The server is asked for only on the first {@link #create(String)}: an embedded server that
 * supplies it starts only when a goal really needs a scratch database.
 *
 * <pre>{@code
 * try (ScratchDatabases scratch = ScratchDatabases.on(() -> server);
 *      ScratchDatabase head = scratch.create("head")) {
 *     head.migrate(scripts, heads -> graph.upgrade(heads, "heads"), like, MigrationListener.NONE);
 *     try (Connection c = head.connect()) { ... }
 * }
 * }</pre>
 */
public final class ScratchDatabases implements AutoCloseable {
    /** Every scratch database's name starts with this, so that a leftover one is easy to recognise. */
    public static final String PREFIX = "migrate_scratch_";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN_ID = Long.toString(ProcessHandle.current().pid(), 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);

    private final Supplier<Server> serverSupplier;
    private final Set<ScratchDatabase> open = new LinkedHashSet<>();
    private final Thread shutdownHook = new Thread(this::dropAll, "migrate-scratch-databases-drop");
    private Server server;
    private boolean hookRegistered;
    private boolean closed;

    /**
     * A server on which the user may {@code CREATE DATABASE}.
     *
     * @param jdbcUrl     a JDBC URL of a database to connect to for creating and dropping the
     *                    scratch ones (typically {@code postgres}), without credentials
     * @param properties  driver properties (user, password, ssl): never printed
     * @param description how to name the server in messages (no password), e.g. {@code the embedded PostgreSQL}
     */
    public record Server(String jdbcUrl, Properties properties, String description) {
        public Server {
            if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("a scratch server needs a jdbc:postgresql:// url");
            }
            Properties copy = new Properties();
            if (properties != null) {
                copy.putAll(properties);
            }
            properties = copy;
            description = description == null ? "" : description;
        }

        @Override
        public Properties properties() {
            Properties copy = new Properties();
            copy.putAll(properties);
            return copy;
        }

        /** This server's URL pointing at {@code database} instead, with the same parameters. */
        String jdbcUrl(String database) {
            int hosts = "jdbc:postgresql://".length();
            int slash = jdbcUrl.indexOf('/', hosts);
            int query = jdbcUrl.indexOf('?', hosts);
            String base = slash < 0 || (query >= 0 && query < slash)
                    ? jdbcUrl.substring(0, query < 0 ? jdbcUrl.length() : query) : jdbcUrl.substring(0, slash);
            String parameters = query < 0 ? "" : jdbcUrl.substring(query);
            return base + "/" + database + parameters;
        }

        @Override
        public String toString() {
            return "Server[" + description + "]";
        }
    }

    private ScratchDatabases(Supplier<Server> serverSupplier) {
        this.serverSupplier = serverSupplier;
    }

    /** Scratch databases on the server {@code server} supplies, asked for on the first {@link #create}. */
    public static ScratchDatabases on(Supplier<Server> server) {
        return new ScratchDatabases(server);
    }

    /**
     * Creates a new empty database named {@code migrate_scratch_<purpose>_<unique>}.
     *
     * @param purpose a short word saying what it is for ({@code head}, {@code desired}, {@code lint}), part of the name
     */
    public synchronized ScratchDatabase create(String purpose) {
        if (closed) {
            throw new IllegalStateException("these scratch databases are closed");
        }
        Server s = server();
        String name = name(purpose);
        try (Connection c = connectAdmin(s); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + Identifiers.quote(name) + " TEMPLATE template0");
        } catch (SQLException e) {
            throw new ScratchDatabaseException(name, s.description(), "could not be created: " + e.getMessage()
                    + ". The user must be allowed to CREATE DATABASE there (set shadowUrl to a server where it is,"
                    + " or leave it unset to use the embedded PostgreSQL)", e);
        }
        if (!hookRegistered) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            hookRegistered = true;
        }
        ScratchDatabase database = new ScratchDatabase(this, name, s.jdbcUrl(name), s.properties());
        open.add(database);
        return database;
    }

    /** The scratch databases created and not yet dropped, oldest first. */
    public synchronized List<ScratchDatabase> open() {
        return List.copyOf(open);
    }

    /** Whether any scratch database was created, i.e. whether the server was needed. */
    public synchronized boolean used() {
        return server != null;
    }

    /** Drops every scratch database still open; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            dropAll();
        } finally {
            if (hookRegistered) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook is running
                }
            }
        }
    }

    synchronized void drop(ScratchDatabase database) {
        if (!open.remove(database)) {
            return;
        }
        try (Connection c = connectAdmin(server); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(database.name()) + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new ScratchDatabaseException(database.name(), server.description(), "could not be dropped: "
                    + e.getMessage() + ". Drop it by hand: DROP DATABASE " + database.name() + " WITH (FORCE)", e);
        }
    }

    private synchronized void dropAll() {
        List<RuntimeException> failures = new ArrayList<>();
        for (ScratchDatabase database : List.copyOf(open)) {
            try {
                drop(database);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private Server server() {
        if (server == null) {
            server = serverSupplier.get();
        }
        return server;
    }

    private static Connection connectAdmin(Server s) throws SQLException {
        Properties properties = s.properties();
        properties.putIfAbsent("ApplicationName", "migrate scratch databases");
        return DriverManager.getConnection(s.jdbcUrl(), properties);
    }

    static String name(String purpose) {
        String word = purpose == null ? "" : purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        String suffix = "_" + RUN_ID + "_" + COUNTER.incrementAndGet();
        int room = DatabaseSettings.MAX_IDENTIFIER_BYTES - PREFIX.length() - suffix.length(); // all ASCII
        if (word.length() > room) {
            word = word.substring(0, room);
        }
        return PREFIX + (word.isEmpty() ? "db" : word) + suffix;
    }
}
