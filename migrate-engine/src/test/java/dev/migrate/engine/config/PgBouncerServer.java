package dev.migrate.engine.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PgBouncer (Debian package {@code pgbouncer}) started for a test on a free loopback port in
 * front of a PostgreSQL server, with trust authentication. PgBouncer refuses to run as root, so
 * under root it is started as the OS user {@code postgres} through {@code runuser}. It runs in
 * the foreground and is stopped by {@link #close()}.
 */
final class PgBouncerServer implements AutoCloseable {
    private static final List<String> BINARIES = List.of("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer");

    private final Process process;
    private final Path directory;
    private final int port;

    private PgBouncerServer(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** Why PgBouncer cannot be started here, or empty when it can be tried. */
    static Optional<String> unavailableReason() {
        if (binary().isEmpty()) {
            return Optional.of("pgbouncer is not installed (apt-get install -y pgbouncer)");
        }
        if (isRoot() && !Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
            return Optional.of("running as root and runuser is missing, so pgbouncer cannot be started");
        }
        return Optional.empty();
    }

    private static Optional<String> binary() {
        return BINARIES.stream().filter(b -> Files.isExecutable(Path.of(b))).findFirst();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Starts PgBouncer in {@code poolMode} (session, transaction) in front of
     * {@code upstreamHost:upstreamPort}, letting {@code user} in without a password, with at most
     * {@code poolSize} server connections per database and user.
     */
    static PgBouncerServer start(String upstreamHost, int upstreamPort, String user, String poolMode, int poolSize)
            throws IOException, InterruptedException {
        String binary = binary().orElseThrow(() -> new IllegalStateException(unavailableReason().orElseThrow()));
        Path directory = Files.createTempDirectory("migrate-pgbouncer");
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port = freePort();
        Path users = directory.resolve("userlist.txt");
        Files.writeString(users, "\"" + user + "\" \"\"\n");
        Path ini = directory.resolve("pgbouncer.ini");
        Files.writeString(ini, String.join("\n",
                "[databases]",
                "* = host=" + upstreamHost + " port=" + upstreamPort,
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                "auth_type = trust",
                "auth_file = " + users,
                "pool_mode = " + poolMode,
                "default_pool_size = " + poolSize,
                "max_client_conn = 50",
                // pgjdbc sends extra_float_digits at startup, which PgBouncer does not track
                "ignore_startup_parameters = extra_float_digits",
                "server_reset_query =",
                ""), StandardCharsets.UTF_8);
        for (Path file : List.of(users, ini)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of(binary, ini.toString()));
        Path log = directory.resolve("pgbouncer.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        PgBouncerServer server = new PgBouncerServer(process, directory, port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                String output = Files.readString(log);
                server.close();
                throw new IOException("pgbouncer exited with " + process.exitValue() + ": " + output.strip());
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return server;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        server.close();
        throw new IOException("pgbouncer did not listen on port " + port + " within 15 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    /** What PgBouncer logged so far, for failure messages. */
    String log() {
        try {
            return Files.readString(directory.resolve("pgbouncer.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops PgBouncer (and runuser around it) and removes its files. */
    @Override
    public void close() throws InterruptedException, IOException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            all.forEach(ProcessHandle::destroyForcibly);
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(directory);
    }
}
