package dev.migrate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The three Maven plugins on the same project shape, each in its own generated project pointing at
 * its own fresh database: {@code migrate:upgrade}, {@code flyway:migrate} (flyway-maven-plugin) and
 * {@code liquibase:update} (liquibase-maven-plugin), against a bare {@code mvn validate}.
 *
 * <pre>PluginNoop [--url postgresql://postgres@127.0.0.1:5432/postgres] [--revisions 5000] [--runs 5]
 *            [--apply-runs 1] [--tools migrate,flyway,liquibase] [--work DIR]</pre>
 * <ul>
 *   <li>W1 through Maven: {@code --apply-runs} fresh applies of every revision per plugin (database
 *       dropped and created again between runs), round-robin; 0 skips them (one apply is then
 *       still made, untimed, for W2).</li>
 *   <li>W2: the no-op goal of each plugin with everything applied, and {@code mvn validate};</li>
 *   <li>W3: {@code migrate:history}, {@code migrate:current}, {@code migrate:heads}, and
 *       {@code migrate:heads} on the same POM with no revisions (the plugin's fixed cost).</li>
 * </ul>
 * Every timed command is one whole {@code mvn -q -B -o} process, run interleaved with the others
 * {@code --runs} times after one warm-up each; the median is printed with the peak RSS of the
 * process (by {@code /usr/bin/time} when present). No tool is needed beyond Maven and Java.
 * Maven runs with the settings and local repository the run script passes in
 * ({@code bench.maven.args}), so nothing is installed into the user's own repository.
 */
public final class PluginNoop {
    private static final String PLUGIN_VERSION = "0.1.0-SNAPSHOT";
    static final String FLYWAY_PLUGIN = "13.12.0";
    static final String LIQUIBASE_PLUGIN = "4.33.0";
    private static final String PGJDBC = "42.7.4";

    private PluginNoop() {
    }

    public static void main(String[] args) throws Exception {
        String url = Server.DEFAULT_URL;
        int revisions = 5000;
        int runs = 5;
        int applyRuns = 1;
        List<String> tools = List.of("migrate", "flyway", "liquibase");
        Path work = Path.of("target/plugin");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--revisions", "-n" -> revisions = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--apply-runs" -> applyRuns = Integer.parseInt(args[++i]);
                case "--tools" -> tools = List.of(args[++i].split(","));
                case "--work" -> work = Path.of(args[++i]);
                case "--keep", "--no-breakdown", "--no-jfr" -> { } // accepted for older command lines
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Server server = Server.parse(url);
        Path root = work.resolve("n" + revisions).toAbsolutePath();
        Commands.deleteTree(root);
        Workload workload = Workload.generate(revisions, root.resolve("workload"));
        Map<String, Project> projects = new LinkedHashMap<>();
        for (String tool : tools) {
            String db = server.createDatabase("mvn" + tool);
            projects.put(tool, Project.write(tool, root.resolve(tool), workload, server, db));
        }
        System.out.printf(Locale.ROOT, "Maven plugins, %,d revisions, on %s; %s%n", revisions, server.describe(), Commands.mavenVersion());
        try {
            // W1: fresh applies through Maven
            Map<String, List<Commands.Sample>> apply = new LinkedHashMap<>();
            for (int rep = 1; rep <= Math.max(1, applyRuns); rep++) {
                for (Project p : projects.values()) {
                    if (rep > 1) {
                        server.dropDatabase(p.database);
                        server.createDatabaseNamed(p.database);
                    }
                    Commands.Sample s = Commands.time(p.dir, p.applyCommand());
                    p.verifyApplied(server, workload);
                    if (applyRuns > 0) {
                        apply.computeIfAbsent(p.label(), k -> new ArrayList<>()).add(s);
                        System.out.printf(Locale.ROOT, "  apply %d/%d %-28s %,9d ms  (load %s)%n", rep, applyRuns, p.label(), s.millis(), s.load());
                    }
                }
            }
            if (!apply.isEmpty()) {
                System.out.println();
                System.out.printf(Locale.ROOT, "W1 through Maven: fresh apply of %,d revisions, median of %d%n", revisions, applyRuns);
                Commands.table(apply, null);
            }

            // W2 and W3: one warm-up each, then interleaved runs
            Map<String, Commands.Cmd> commands = new LinkedHashMap<>();
            Project first = projects.values().iterator().next();
            commands.put("mvn validate", new Commands.Cmd(first.dir, Commands.mvn("validate")));
            for (Project p : projects.values()) {
                commands.put(p.label() + " (no-op)", new Commands.Cmd(p.dir, p.applyCommand()));
            }
            Project migrate = projects.get("migrate");
            if (migrate != null) {
                commands.put("migrate:history", new Commands.Cmd(migrate.dir, Commands.mvn("migrate:history")));
                commands.put("migrate:current", new Commands.Cmd(migrate.dir, Commands.mvn("migrate:current")));
                commands.put("migrate:heads", new Commands.Cmd(migrate.dir, Commands.mvn("migrate:heads")));
                Path empty = root.resolve("migrate-empty");
                Files.createDirectories(empty.resolve("src/main/migrations/versions"));
                Files.copy(migrate.dir.resolve("pom.xml"), empty.resolve("pom.xml"));
                Commands.copyTree(migrate.dir.resolve("environments"), empty.resolve("environments"));
                commands.put("migrate:heads, no revisions", new Commands.Cmd(empty, Commands.mvn("migrate:heads")));
            }
            Map<String, List<Commands.Sample>> samples = Commands.interleaved(commands, runs);
            for (Project p : projects.values()) {
                p.verifyApplied(server, workload);
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "W2/W3 with %,d applied revisions, median of %d (load after: %s)%n", revisions, runs, Load.now());
            Commands.table(samples, "mvn validate");
            double validate = Commands.medianMillis(samples.get("mvn validate"));
            if (migrate != null) {
                double overhead = Commands.medianMillis(samples.get(migrate.label() + " (no-op)")) - validate;
                double fastestPeer = Double.MAX_VALUE;
                for (Project p : projects.values()) {
                    if (p != migrate) {
                        fastestPeer = Math.min(fastestPeer, Commands.medianMillis(samples.get(p.label() + " (no-op)")) - validate);
                    }
                }
                System.out.printf(Locale.ROOT, "W2 target: migrate:upgrade no-op - validate = %+,.0f ms (<= +500 ms: %s)%n",
                        overhead, overhead <= 500 ? "met" : "missed");
                if (fastestPeer != Double.MAX_VALUE) {
                    System.out.printf(Locale.ROOT, "W2 target: that overhead / fastest peer plugin's overhead (%+,.0f ms) = %.2f (<= 0.20: %s)%n",
                            fastestPeer, overhead / fastestPeer, overhead <= fastestPeer / 5 ? "met" : "missed");
                }
                for (String goal : List.of("migrate:history", "migrate:current", "migrate:heads")) {
                    double over = Commands.medianMillis(samples.get(goal)) - validate;
                    System.out.printf(Locale.ROOT, "W3 target: %s - validate = %+,.0f ms (<= +300 ms: %s)%n", goal, over, over <= 300 ? "met" : "missed");
                }
            }
        } finally {
            for (Project p : projects.values()) {
                server.dropDatabase(p.database);
            }
        }
    }

    /** A generated Maven project for one plugin, with its own database. */
    record Project(String tool, Path dir, String database) {
        String label() {
            return switch (tool) {
                case "migrate" -> "migrate:upgrade";
                case "flyway" -> "flyway:migrate " + FLYWAY_PLUGIN;
                case "liquibase" -> "liquibase:update " + LIQUIBASE_PLUGIN;
                default -> tool;
            };
        }

        List<String> applyCommand() {
            return Commands.mvn(switch (tool) {
                case "migrate" -> "migrate:upgrade";
                case "flyway" -> "flyway:migrate";
                case "liquibase" -> "liquibase:update";
                default -> throw new IllegalArgumentException("unknown tool " + tool);
            });
        }

        void verifyApplied(Server server, Workload workload) throws Exception {
            String sql = switch (tool) {
                case "migrate" -> "SELECT count(*) FROM migrate_history";
                case "flyway" -> "SELECT count(*) FROM flyway_schema_history WHERE success";
                default -> "SELECT count(*) FROM databasechangelog";
            };
            long rows = Verification.count(server, database, sql);
            long tables = Verification.count(server, database,
                    "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'item\\_%'");
            if (rows != workload.count() || tables != workload.count()) {
                throw new IllegalStateException(label() + ": " + rows + " history rows and " + tables + " tables, expected "
                        + workload.count());
            }
        }

        static Project write(String tool, Path dir, Workload workload, Server server, String db) throws IOException {
            Files.createDirectories(dir);
            String plugin;
            switch (tool) {
                case "migrate" -> {
                    Commands.copyTree(workload.migrateProject().resolve("src"), dir.resolve("src"));
                    Path environments = Files.createDirectories(dir.resolve("environments"));
                    StringBuilder local = new StringBuilder().append("url=").append(server.jdbcUrl(db)).append('\n')
                            .append("user=").append(server.user()).append('\n');
                    if (!server.password().isEmpty()) {
                        local.append("password=").append(server.password()).append('\n');
                    }
                    Files.writeString(environments.resolve("local.properties"), local, StandardCharsets.UTF_8);
                    plugin = """
                                  <plugin>
                                    <groupId>dev.migrate</groupId>
                                    <artifactId>migrate-maven-plugin</artifactId>
                                    <version>%s</version>
                                  </plugin>
                            """.formatted(PLUGIN_VERSION);
                }
                case "flyway" -> {
                    Commands.copyTree(workload.flywayDir(), dir.resolve("src/main/resources/db/migration"));
                    plugin = """
                                  <plugin>
                                    <groupId>org.flywaydb</groupId>
                                    <artifactId>flyway-maven-plugin</artifactId>
                                    <version>%s</version>
                                    <configuration>
                                      <url>%s</url>
                                      <user>%s</user>
                                      <password>%s</password>
                                      <locations><location>filesystem:src/main/resources/db/migration</location></locations>
                                      <cleanDisabled>true</cleanDisabled>
                                    </configuration>
                                    <dependencies>
                                      <dependency>
                                        <groupId>org.flywaydb</groupId>
                                        <artifactId>flyway-core</artifactId>
                                        <version>%s</version>
                                      </dependency>
                                      <dependency>
                                        <groupId>org.flywaydb</groupId>
                                        <artifactId>flyway-database-postgresql</artifactId>
                                        <version>%s</version>
                                      </dependency>
                                      <dependency>
                                        <groupId>org.postgresql</groupId>
                                        <artifactId>postgresql</artifactId>
                                        <version>%s</version>
                                      </dependency>
                                    </dependencies>
                                  </plugin>
                            """.formatted(FLYWAY_PLUGIN, server.jdbcUrl(db), server.user(), server.password(),
                            FLYWAY_PLUGIN, FLYWAY_PLUGIN, PGJDBC);
                }
                case "liquibase" -> {
                    Commands.copyTree(workload.liquibaseDir(), dir.resolve("src/main/resources/db"));
                    plugin = """
                                  <plugin>
                                    <groupId>org.liquibase</groupId>
                                    <artifactId>liquibase-maven-plugin</artifactId>
                                    <version>%s</version>
                                    <configuration>
                                      <changeLogFile>changelog.sql</changeLogFile>
                                      <searchPath>${project.basedir}/src/main/resources/db</searchPath>
                                      <url>%s</url>
                                      <username>%s</username>
                                      <password>%s</password>
                                      <promptOnNonLocalDatabase>false</promptOnNonLocalDatabase>
                                      <verbose>false</verbose>
                                      <logging>WARNING</logging>
                                    </configuration>
                                    <dependencies>
                                      <dependency>
                                        <groupId>org.postgresql</groupId>
                                        <artifactId>postgresql</artifactId>
                                        <version>%s</version>
                                      </dependency>
                                    </dependencies>
                                  </plugin>
                            """.formatted(LIQUIBASE_PLUGIN, server.jdbcUrl(db), server.user(), server.password(), PGJDBC);
                }
                default -> throw new IllegalArgumentException("unknown tool " + tool + ", known: migrate, flyway, liquibase");
            }
            String pom = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <project xmlns="http://maven.apache.org/POM/4.0.0"
                             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                             xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                      <modelVersion>4.0.0</modelVersion>
                      <groupId>dev.migrate.bench</groupId>
                      <artifactId>%s-plugin</artifactId>
                      <version>1.0</version>
                      <packaging>jar</packaging>
                      <properties>
                        <maven.compiler.release>17</maven.compiler.release>
                        <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                      </properties>
                      <build>
                        <plugins>
                    %s    </plugins>
                      </build>
                    </project>
                    """.formatted(tool, plugin);
            Files.writeString(dir.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
            return new Project(tool, dir, db);
        }
    }
}
