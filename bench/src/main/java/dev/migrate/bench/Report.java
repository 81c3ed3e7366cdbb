package dev.migrate.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The closing table: median per tool, ratio to the floor (one psql session: the database's own work
 * plus one client's round trips), and migrate against the others.
 */
final class Report {
    static final String FLOOR = "psql-session";
    /** The floor plus the version and history rows of each revision (see {@link PsqlSessionTool#withBookkeepingRows()}). */
    static final String BOOKKEEPING = "psql-bookkeeping";

    private Report() {
    }

    static void print(PrintStream out, Compare.Options options, Workload workload,
                      Map<String, List<Compare.Sample>> warm, Map<String, List<Compare.Sample>> cold,
                      Map<String, Long> trips, Map<String, Tool> tools) {
        out.println();
        out.printf(Locale.ROOT, "%,d revisions, fresh database per run, median of %d (in-process for JVM tools; load = 1/5/15-min averages at each start)%n",
                workload.count(), options.repeat);
        Long floor = warm.containsKey(FLOOR) ? median(warm.get(FLOOR)) : null;
        Long floorMin = warm.containsKey(FLOOR) ? min(warm.get(FLOOR)) : null;
        out.printf(Locale.ROOT, "%-38s %10s %9s %9s %9s %8s %8s   %s%n", "tool", "median ms", "x floor", "min ms", "x min",
                "JVM CPU", "rt/rev", "runs (ms) @ load");
        for (var e : warm.entrySet()) {
            long med = median(e.getValue());
            long min = min(e.getValue());
            boolean jvm = !e.getKey().startsWith("psql");
            String cpu = jvm ? String.format(Locale.ROOT, "%,d", medianCpu(e.getValue())) : "-";
            String rt = trips.containsKey(e.getKey()) ? String.format(Locale.ROOT, "%.2f", (double) trips.get(e.getKey()) / workload.count()) : "-";
            out.printf(Locale.ROOT, "%-38s %,10d %9s %,9d %9s %8s %8s   %s%n", tools.get(e.getKey()).name(), med, ratio(med, floor),
                    min, ratio(min, floorMin), cpu, rt, runs(e.getValue()));
        }
        if (warm.containsKey("migrate")) {
            long m = median(warm.get("migrate"));
            StringBuilder line = new StringBuilder("migrate:");
            for (String other : List.of("flyway", "liquibase")) {
                if (warm.containsKey(other)) {
                    double faster = (double) median(warm.get(other)) / m;
                    line.append(String.format(Locale.ROOT, "  %.2fx faster than %s (target >= 2: %s);", faster,
                            tools.get(other).name(), faster >= 2 ? "met" : "missed"));
                }
            }
            if (floor != null) {
                line.append(String.format(Locale.ROOT, "  %s one psql session (target <= 1.05x: %s)", ratio(m, floor),
                        (double) m / floor <= 1.05 ? "met" : "missed"));
            }
            if (floor != null && warm.containsKey(BOOKKEEPING)) {
                long rows = median(warm.get(BOOKKEEPING));
                line.append(String.format(Locale.ROOT, "%n  the version and history rows alone take the floor to %s;"
                        + " migrate is %s of that", ratio(rows, floor), ratio(m, rows)));
            }
            out.println(line);
            out.println("(x min: each tool's fastest run against the floor's fastest, the least disturbed by other load;"
                    + " JVM CPU: median ms of CPU in the harness's JVM during the run; rt/rev: socket reads from the server per revision)");
        }
        if (!cold.isEmpty()) {
            out.println();
            out.println("Cold: whole JVM per run (start, load, migrate, exit), median");
            for (var e : cold.entrySet()) {
                long med = median(e.getValue());
                Long rss = Compare.COLD_RSS_KIB.get(e.getKey());
                out.printf(Locale.ROOT, "%-38s %,10d %9s  peak RSS %s MB   %s%n", tools.get(e.getKey()).name(), med, ratio(med, floor),
                        rss == null || rss < 0 ? "-" : Long.toString(rss / 1024), runs(e.getValue()));
            }
        }
    }

    static long median(List<Compare.Sample> samples) {
        List<Long> sorted = samples.stream().map(Compare.Sample::millis).sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static long medianCpu(List<Compare.Sample> samples) {
        List<Long> sorted = samples.stream().map(Compare.Sample::cpuMillis).sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static long min(List<Compare.Sample> samples) {
        return samples.stream().mapToLong(Compare.Sample::millis).min().orElse(0);
    }

    private static String ratio(long value, Long floor) {
        return floor == null || floor == 0 ? "-" : String.format(Locale.ROOT, "%.2fx", (double) value / floor);
    }

    private static String runs(List<Compare.Sample> samples) {
        return samples.stream().map(s -> s.millis() + " @ " + s.load().split(" ")[0]).collect(Collectors.joining(", "));
    }
}
