package dev.migrate.maven.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Prepares the PostgreSQL server the src/it scenarios run against: starts an embedded server
 * (mode {@code embedded}; it stops when the build's JVM exits) or uses the given one (mode
 * {@code external}), and creates a fresh database {@code it_<scenario>} for every scenario folder.
 *
 * <p>Arguments: scenarios folder, data directory, base URL {@code postgresql://user@host:port},
 * mode.
 */
public final class ItDatabaseServer {
    private ItDatabaseServer() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        Path scenarios = Path.of(args[0]);
        Path dataDir = Path.of(args[1]);
        URI base = URI.create(args[2]);
        boolean embedded = "embedded".equals(args[3]);
        if (embedded) {
            deleteRecursively(dataDir);
            EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(base.getPort())
                    .start();
            System.out.println("[it] embedded PostgreSQL on port " + base.getPort());
        }
        String user = base.getUserInfo() == null ? "postgres" : base.getUserInfo().split(":", 2)[0];
        Properties props = new Properties();
        props.setProperty("user", user);
        String jdbc = "jdbc:postgresql://" + base.getHost() + ":" + (base.getPort() < 0 ? 5432 : base.getPort()) + "/postgres";
        try (Connection c = DriverManager.getConnection(jdbc, props); Statement s = c.createStatement()) {
            for (String name : scenarioDatabases(scenarios)) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + name);
            }
        }
    }

    /** A server from an earlier run leaves its data behind; initdb needs an empty folder. */
    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static List<String> scenarioDatabases(Path scenarios) throws IOException {
        try (Stream<Path> dirs = Files.list(scenarios)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .map(d -> "it_" + d.getFileName().toString().replace('-', '_'))
                    .sorted()
                    .toList();
        }
    }
}
