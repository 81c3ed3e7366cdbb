package dev.migrate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cost of a no-op {@code mvn migrate:upgrade}: a Maven project with N revisions (default
 * 5,000) that the installed plugin has already applied to a fresh database, timed against a
 * bare {@code mvn validate} of the same project. Target: within 0.5 s.
 *
 * <pre>PluginNoop [--url postgresql://postgres@127.0.0.1:5432/postgres] [--revisions 5000] [--runs 5] [--work DIR]
 *            [--keep] [--no-breakdown] [--no-jfr]</pre>
 * Uses hyperfine when it is on PATH (one warm-up each), else interleaved runs and their median.
 * The breakdown also times {@code migrate:heads} (files and graph, no database),
 * {@code migrate:current} (database state, files and graph) and {@code migrate:heads} on the same
 * POM with no revisions (the plugin's fixed cost); the JFR run records one no-op
 * upgrade inside Maven and summarizes it. {@code --keep} leaves the database in place.
 */
public final class PluginNoop {
    private static final String PLUGIN_VERSION = "0.1.0-SNAPSHOT";

    private PluginNoop() {
    }

    public static void main(String[] args) throws Exception {
        String url = Server.DEFAULT_URL;
        int revisions = 5000;
        int runs = 5;
        Path work = Path.of("target/plugin");
        boolean keep = false;
        boolean breakdown = true;
        boolean jfr = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--revisions", "-n" -> revisions = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--keep" -> keep = true;
                case "--no-breakdown" -> breakdown = false;
                case "--no-jfr" -> jfr = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Server server = Server.parse(url);
        Path project = work.resolve("n" + revisions).toAbsolutePath();
        deleteTree(project);
        Workload workload = Workload.generate(revisions, project.resolve("revisions"), true);
        Files.move(workload.migrateProject().resolve("src"), project.resolve("src"));
        String db = server.createDatabase("plugin");
        try {
            writeProject(project, server, db);
            System.out.printf(Locale.ROOT, "Project: %s, %,d revisions; database %s on %s%n", project, revisions, db, server.describe());

            long start = System.nanoTime();
            run(project, List.of("mvn", "-q", "-B", "-o", "migrate:upgrade"), false);
            System.out.printf(Locale.ROOT, "First upgrade (applies %,d revisions): %,d ms (load %s)%n", revisions, Compare.millis(start), Load.now());
            long history = Verification.count(server, db, "SELECT count(*) FROM migrate_history");
            long heads = Verification.count(server, db, "SELECT count(*) FROM migrate_version");
            if (history != revisions || heads != 1) {
                throw new IllegalStateException("after the first upgrade: " + history + " history rows, " + heads + " heads");
            }

            String upgrade = "mvn -q -B -o migrate:upgrade";
            String validate = "mvn -q -B -o validate";
            List<String> commands = new ArrayList<>(List.of(upgrade, validate));
            if (breakdown) {
                commands.add("mvn -q -B -o migrate:heads");
                commands.add("mvn -q -B -o migrate:current");
                // the plugin's fixed cost: the same goal on the same POM with no revisions
                Path empty = work.resolve("empty").toAbsolutePath();
                deleteTree(empty);
                Files.createDirectories(empty.resolve("src/main/migrations/versions"));
                Files.copy(project.resolve("pom.xml"), empty.resolve("pom.xml"));
                commands.add("cd " + empty + " && mvn -q -B -o migrate:heads");
            }
            double[] medians = hyperfineAvailable()
                    ? hyperfine(project, work, runs, commands)
                    : interleaved(project, runs, commands);
            if (Verification.count(server, db, "SELECT count(*) FROM migrate_history") != revisions) {
                throw new IllegalStateException("the no-op upgrade changed migrate_history");
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "%,d applied revisions, median of %d (load after: %s)%n", revisions, runs, Load.now());
            for (int i = 0; i < commands.size(); i++) {
                String label = commands.get(i).startsWith("cd ") ? "migrate:heads, no revisions" : commands.get(i);
                System.out.printf(Locale.ROOT, "  %-32s %7.3f s   %+7.3f s over validate%n", label, medians[i], medians[i] - medians[1]);
            }
            System.out.printf(Locale.ROOT, "  no-op upgrade - validate         %+7.3f s   (target: <= 0.500 s)%n", medians[0] - medians[1]);
            if (jfr) {
                Path recording = work.toAbsolutePath().resolve("noop-upgrade.jfr");
                Files.deleteIfExists(recording);
                ProcessBuilder pb = new ProcessBuilder(upgrade.split(" ")).directory(project.toFile()).inheritIO();
                pb.environment().put("MAVEN_OPTS", "-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
                pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
                if (pb.start().waitFor() != 0) {
                    throw new IllegalStateException("the recorded no-op upgrade failed");
                }
                System.out.println();
                System.out.println("One no-op upgrade under Flight Recorder (" + recording + "; profile settings,"
                        + " so socket reads under 20 ms are not recorded):");
                JfrSummary.summarize(recording).forEach(line -> System.out.println("  " + line));
            }
        } finally {
            if (keep) {
                System.out.println("Kept database " + db + " and project " + project);
            } else {
                server.dropDatabase(db);
            }
        }
    }

    private static void writeProject(Path project, Server server, String db) throws IOException {
        String pom = """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.migrate.bench</groupId>
                  <artifactId>noop-upgrade</artifactId>
                  <version>1.0</version>
                  <packaging>jar</packaging>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.migrate</groupId>
                        <artifactId>migrate-maven-plugin</artifactId>
                        <version>%s</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(PLUGIN_VERSION);
        Files.writeString(project.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
        Path environments = Files.createDirectories(project.resolve("environments"));
        StringBuilder local = new StringBuilder()
                .append("url=").append(server.jdbcUrl(db)).append('\n')
                .append("user=").append(server.user()).append('\n');
        if (!server.password().isEmpty()) {
            local.append("password=").append(server.password()).append('\n');
        }
        Files.writeString(environments.resolve("local.properties"), local.toString(), StandardCharsets.UTF_8);
    }

    private static boolean hyperfineAvailable() {
        try {
            return new ProcessBuilder("hyperfine", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Medians in seconds of the two commands, from hyperfine's JSON export. */
    private static double[] hyperfine(Path project, Path work, int runs, List<String> commands) throws IOException, InterruptedException {
        Path json = work.toAbsolutePath().resolve("hyperfine.json");
        List<String> cmd = new ArrayList<>(List.of("hyperfine", "--style", "basic", "--warmup", "1", "--runs", Integer.toString(runs),
                "--export-json", json.toString()));
        cmd.addAll(commands);
        run(project, cmd, true);
        Matcher m = Pattern.compile("\"median\":\\s*([0-9.eE+-]+)").matcher(Files.readString(json));
        double[] medians = new double[commands.size()];
        for (int i = 0; i < medians.length; i++) {
            if (!m.find()) {
                throw new IllegalStateException("no median in " + json);
            }
            medians[i] = Double.parseDouble(m.group(1));
        }
        return medians;
    }

    private static double[] interleaved(Path project, int runs, List<String> commands) throws IOException, InterruptedException {
        List<List<Double>> times = new ArrayList<>();
        for (String c : commands) {
            run(project, List.of(c.split(" ")), false);
            times.add(new ArrayList<>());
        }
        for (int i = 0; i < runs; i++) {
            for (int c = 0; c < commands.size(); c++) {
                long s = System.nanoTime();
                run(project, List.of(commands.get(c).split(" ")), false);
                times.get(c).add((System.nanoTime() - s) / 1e9);
                System.out.printf(Locale.ROOT, "  run %d/%d: %-32s %.3f s (load %s)%n", i + 1, runs, commands.get(c), times.get(c).get(i), Load.now());
            }
        }
        return times.stream().mapToDouble(PluginNoop::median).toArray();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void run(Path dir, List<String> command, boolean showOutput) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        if (showOutput) {
            pb.inheritIO();
        } else {
            pb.redirectErrorStream(true);
        }
        Process p = pb.start();
        String out = showOutput ? "" : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + rc + "\n" + out);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
