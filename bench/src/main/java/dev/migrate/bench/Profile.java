package dev.migrate.bench;

import dev.migrate.engine.database.DatabaseSettings;
import dev.migrate.engine.database.MigrationListener;
import dev.migrate.engine.database.Migrator;
import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.graph.Step;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.ScriptDirectory;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where migrate's time goes in one upgrade of the workload, from simple timers around the
 * engine's parts (the same parts {@code Migrate.upgrade} composes): loading the files, connecting, the run's
 * set-up (lock, tables, state, checks, plan), the steps themselves, and the gaps between steps;
 * plus the JVM's CPU time against wall time (the rest is waiting for the server).
 *
 * <p>With {@code --jfr}, the last round also runs under Flight Recorder ({@code profile}
 * settings, every socket read recorded) and a summary follows; the recording is kept.
 *
 * <pre>Profile [--url ...] [--revisions 1000] [--rounds 2] [--jfr] [--work DIR]</pre>
 */
public final class Profile {
    private Profile() {
    }

    public static void main(String[] args) throws Exception {
        String url = Server.DEFAULT_URL;
        int revisions = 1000;
        int rounds = 2;
        boolean jfr = false;
        Path work = Path.of("target/work");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--revisions", "-n" -> revisions = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--jfr" -> jfr = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Server server = Server.parse(url);
        Workload workload = Workload.generate(revisions, work.resolve("profile-n" + revisions).toAbsolutePath(), true);
        for (int round = 1; round <= rounds; round++) {
            String db = server.createDatabase("profile");
            try {
                System.out.printf(Locale.ROOT, "Round %d/%d, %,d revisions (load %s)%n", round, rounds, revisions, Load.now());
                if (jfr && round == rounds) {
                    Path recording = work.resolve("profile-n" + revisions + ".jfr").toAbsolutePath();
                    List<String> timers = new java.util.ArrayList<>();
                    List<String> summary = JfrSummary.record(recording, () -> timers.addAll(once(server, db, workload)));
                    timers.forEach(line -> System.out.println("  " + line));
                    System.out.println("  Flight Recorder (" + recording + "):");
                    summary.forEach(line -> System.out.println("    " + line));
                } else {
                    once(server, db, workload).forEach(line -> System.out.println("  " + line));
                }
                Verification.tables(server, db, revisions);
            } finally {
                server.dropDatabase(db);
            }
        }
    }

    static List<String> once(Server server, String db, Workload workload) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        ScriptDirectory directory = ScriptDirectory.load(workload.migrateVersions());
        Map<String, RevisionScript> scripts = new HashMap<>();
        directory.scripts().forEach(s -> scripts.put(s.id(), s));
        long t1 = System.nanoTime();
        Timers timers = new Timers();
        try (Migrator migrator = Migrator.connect(DatabaseSettings.of(server.jdbcUrl(db), server.credentials()))) {
            long t2 = System.nanoTime();
            timers.runStart = t2;
            Function<Set<String>, Plan> planner = heads -> {
                long p = System.nanoTime();
                Plan plan = directory.map().upgrade(heads, "heads");
                timers.planNanos = System.nanoTime() - p;
                return plan;
            };
            migrator.migrate(scripts, planner, RunOptions.defaults(), timers);
            long t3 = System.nanoTime();
            long cpu = os.getProcessCpuTime() - cpu0;
            long total = t3 - t0;
            return List.of(
                    line("load + parse + hash files", t1 - t0, total),
                    line("connect", t2 - t1, total),
                    line("run set-up (lock, tables, state, checks)", timers.firstStep - t2 - timers.planNanos, total),
                    line("  of which: plan", timers.planNanos, total),
                    line("steps (SQL + version row + history row + commit)", timers.stepNanos, total),
                    line("between steps", timers.lastStepEnd - timers.firstStep - timers.stepNanos, total),
                    line("after the last step (unlock, close)", t3 - timers.lastStepEnd, total),
                    line("total", total, total),
                    String.format(Locale.ROOT, "JVM CPU %,d ms of %,d ms wall (%.0f%%); per step %.2f ms wall",
                            cpu / 1_000_000, total / 1_000_000, 100.0 * cpu / total, timers.stepNanos / 1e6 / Math.max(1, timers.steps)));
        }
    }

    private static String line(String what, long nanos, long total) {
        return String.format(Locale.ROOT, "%-52s %,9.1f ms  %5.1f%%", what, nanos / 1e6, 100.0 * nanos / total);
    }

    private static final class Timers implements MigrationListener {
        long runStart;
        long planNanos;
        long firstStep;
        long lastStepEnd;
        long stepNanos;
        long stepStart;
        int steps;

        @Override
        public void stepStarting(Step step, RevisionScript script) {
            stepStart = System.nanoTime();
            if (firstStep == 0) {
                firstStep = stepStart;
            }
        }

        @Override
        public void stepCompleted(Step step, RevisionScript script, Duration duration) {
            lastStepEnd = System.nanoTime();
            stepNanos += lastStepEnd - stepStart;
            steps++;
        }
    }
}
