package dev.migrate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies the same N revisions with psql (the floor), Flyway, Liquibase and migrate, each to a
 * fresh database on one server, a few times round-robin, and prints the medians and ratios.
 *
 * <pre>
 * Compare [--url postgresql://postgres@127.0.0.1:5432/postgres] [--revisions 1000] [--repeat 3]
 *         [--tools psql,psql-session,psql-bookkeeping,flyway,liquibase,migrate] [--cold 1] [--work target/work]
 * </pre>
 * {@code --cold N} also times N whole-JVM runs of each Java tool (start, load, migrate, exit);
 * 0 turns that off. One more in-process run of each Java tool counts its socket reads from the
 * server under Flight Recorder: its round trips, which no other load on the machine changes
 * ({@code --no-round-trips} skips it).
 */
public final class Compare {
    private static final Map<String, Tool> TOOLS = new LinkedHashMap<>();

    static {
        TOOLS.put("psql", new PsqlTool());
        TOOLS.put("psql-session", new PsqlSessionTool());
        TOOLS.put("psql-bookkeeping", PsqlSessionTool.withBookkeepingRows());
        TOOLS.put("flyway", new FlywayTool());
        TOOLS.put("liquibase", new LiquibaseTool());
        TOOLS.put("migrate", new MigrateTool());
    }

    private Compare() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Server server = Server.parse(options.url);
        if (options.single != null) {
            runSingle(options, server);
            return;
        }
        Path root = options.work.resolve("n" + options.revisions).toAbsolutePath();
        deleteTree(root);
        long genStart = System.nanoTime();
        Workload workload = Workload.generate(options.revisions, root);
        System.out.printf(Locale.ROOT, "Workload: %,d revisions in %s (written in %d ms)%n", options.revisions, root, millis(genStart));
        System.out.printf(Locale.ROOT, "Server: %s, PostgreSQL %s; %s; Java %s; %d cores%n", server.describe(), server.serverVersion(),
                PsqlTool.available() ? PsqlTool.version() : "no psql found",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        List<String> names = new ArrayList<>(options.tools);
        if (names.contains("psql") && !PsqlTool.available()) {
            System.out.println("no psql found (PATH or PSQL): no floor, ratios are left out");
            names.remove("psql");
            names.remove("psql-session");
            names.remove("psql-bookkeeping");
        }
        Map<String, List<Sample>> warm = new LinkedHashMap<>();
        names.forEach(n -> warm.put(n, new ArrayList<>()));
        for (int rep = 1; rep <= options.repeat; rep++) {
            for (String name : names) {
                Sample sample = measure(server, TOOLS.get(name), workload, () -> TOOLS.get(name).migrate(server, current, workload));
                warm.get(name).add(sample);
                System.out.printf(Locale.ROOT, "  run %d/%d %-28s %,9d ms   (load %s)%n", rep, options.repeat, TOOLS.get(name).name(), sample.millis, sample.load);
            }
        }
        Map<String, Long> trips = new LinkedHashMap<>();
        if (options.roundTrips) {
            for (String name : names) {
                if (!name.startsWith("psql")) {
                    trips.put(name, roundTrips(server, TOOLS.get(name), workload));
                    System.out.printf(Locale.ROOT, "  round trips %-27s %,9d socket reads%n", TOOLS.get(name).name(), trips.get(name));
                }
            }
        }
        Map<String, List<Sample>> cold = new LinkedHashMap<>();
        if (options.cold > 0) {
            for (int rep = 1; rep <= options.cold; rep++) {
                for (String name : names) {
                    if (name.startsWith("psql")) {
                        continue;
                    }
                    Sample sample = measure(server, TOOLS.get(name), workload, () -> runJvm(options, name, current, workload));
                    cold.computeIfAbsent(name, k -> new ArrayList<>()).add(sample);
                    System.out.printf(Locale.ROOT, "  cold %d/%d %-27s %,9d ms   (load %s)%n", rep, options.cold, TOOLS.get(name).name(), sample.millis, sample.load);
                }
            }
        }
        Report.print(System.out, options, workload, warm, cold, trips, TOOLS);
    }

    /** The peak RSS of each tool's cold JVM runs, in KiB. */
    static final Map<String, Long> COLD_RSS_KIB = new LinkedHashMap<>();

    /** Set by {@link #measure} for the body it times: the fresh database of this sample. */
    private static String current;

    interface Body {
        void run() throws Exception;
    }

    private static Sample measure(Server server, Tool tool, Workload workload, Body body) throws Exception {
        String db = server.createDatabase(tool.name().toLowerCase(Locale.ROOT).split(" ")[0]);
        try {
            current = db;
            server.settle();
            String load = Load.now();
            long cpu = CPU.getProcessCpuTime();
            long start = System.nanoTime();
            body.run();
            long ms = millis(start);
            long cpuMs = (CPU.getProcessCpuTime() - cpu) / 1_000_000;
            tool.verify(server, db, workload);
            return new Sample(ms, cpuMs, load);
        } finally {
            current = null;
            server.dropDatabase(db);
        }
    }

    /** A whole JVM: {@code java -cp <this classpath> Compare --single TOOL --database DB}. */
    private static void runJvm(Options options, String tool, String db, Workload workload) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options.coldJvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Compare.class.getName(),
                "--single", tool, "--database", db, "--url", options.url,
                "--revisions", Integer.toString(workload.count()), "--work", workload.root().toString()));
        Commands.Sample sample = Commands.time(Path.of("."), cmd);
        COLD_RSS_KIB.merge(tool, sample.peakRssKib(), Math::max);
    }

    private static void runSingle(Options options, Server server) throws Exception {
        Tool tool = TOOLS.get(options.single);
        if (tool == null) {
            throw new IllegalArgumentException("unknown tool " + options.single);
        }
        tool.migrate(server, options.database, Workload.existing(options.revisions, options.work));
    }

    static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
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

    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** Wall time of the body, and the CPU time this JVM spent meanwhile (all its threads). */
    record Sample(long millis, long cpuMillis, String load) {
    }

    /** Socket reads from the server during one in-process run: the tool's round trips. */
    private static long roundTrips(Server server, Tool tool, Workload workload) throws Exception {
        Path file = Files.createTempFile("bench-roundtrips", ".jfr");
        long[] reads = new long[1];
        try {
            measure(server, tool, workload, () -> {
                try (jdk.jfr.Recording recording = new jdk.jfr.Recording()) {
                    recording.enable("jdk.SocketRead").withThreshold(java.time.Duration.ZERO).withoutStackTrace();
                    recording.start();
                    tool.migrate(server, current, workload);
                    recording.stop();
                    recording.dump(file);
                }
            });
            for (var event : jdk.jfr.consumer.RecordingFile.readAllEvents(file)) {
                if (event.getEventType().getName().equals("jdk.SocketRead")) {
                    reads[0]++;
                }
            }
            return reads[0];
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static final class Options {
        String url = Server.DEFAULT_URL;
        int revisions = 1000;
        int repeat = 5;
        int cold = 1;
        boolean roundTrips = true;
        List<String> tools = new ArrayList<>(TOOLS.keySet());
        List<String> coldJvmArgs = new ArrayList<>();
        Path work = Path.of("target/work");
        String single;
        String database;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--url" -> o.url = args[++i];
                    case "--revisions", "-n" -> o.revisions = Integer.parseInt(args[++i]);
                    case "--repeat" -> o.repeat = Integer.parseInt(args[++i]);
                    case "--cold" -> o.cold = Integer.parseInt(args[++i]);
                    case "--cold-jvm-arg" -> o.coldJvmArgs.add(args[++i]);
                    case "--no-round-trips" -> o.roundTrips = false;
                    case "--tools" -> o.tools = List.of(args[++i].split(","));
                    case "--work" -> o.work = Path.of(args[++i]);
                    case "--single" -> o.single = args[++i];
                    case "--database" -> o.database = args[++i];
                    default -> {
                        if (a.contains("://")) {
                            o.url = a;
                        } else {
                            throw new IllegalArgumentException("unknown argument " + a);
                        }
                    }
                }
            }
            for (String t : o.tools) {
                if (!TOOLS.containsKey(t)) {
                    throw new IllegalArgumentException("unknown tool " + t + ", known: " + TOOLS.keySet());
                }
            }
            return o;
        }
    }
}
