package dev.migrate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whole processes timed from Java: no tool needed beyond the JDK. Each sample is the wall time of
 * one process and, when {@code /usr/bin/time} exists, its peak resident set size.
 */
final class Commands {
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    private Commands() {
    }

    /** A command and the folder it runs in. */
    record Cmd(Path dir, List<String> command) {
    }

    /** One run: wall milliseconds, peak RSS in KiB (-1 when unknown), the load when it started. */
    record Sample(long millis, long peakRssKib, String load) {
    }

    /**
     * {@code mvn -q -B -o} plus the settings and local repository of the benchmark
     * ({@code -Dbench.maven.args}, set by bench/run) and the goals.
     */
    static List<String> mvn(String... goals) {
        List<String> cmd = new ArrayList<>(List.of("mvn", "-q", "-B", "-o"));
        String extra = System.getProperty("bench.maven.args", "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.addAll(List.of(goals));
        return cmd;
    }

    static String mavenVersion() {
        try {
            Process p = new ProcessBuilder("mvn", "-v").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().findFirst().orElse("?").replaceAll("\u001B\\[[;\\d]*m", "").replaceAll(" \\(.*", "");
        } catch (IOException | InterruptedException e) {
            return "mvn ?";
        }
    }

    /** Runs the command once (failing on a non-zero exit) and times it. */
    static Sample time(Path dir, List<String> command) throws IOException, InterruptedException {
        boolean measureRss = Files.isExecutable(GNU_TIME);
        Path rss = measureRss ? Files.createTempFile("bench-rss", ".txt") : null;
        List<String> full = new ArrayList<>();
        if (measureRss) {
            full.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rss.toString()));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("LIQUIBASE_ANALYTICS_ENABLED", "false");
        pb.environment().put("LIQUIBASE_SHOW_BANNER", "false");
        pb.environment().put("FLYWAY_TELEMETRY_OPT_OUT", "true");
        pb.environment().put("REDGATE_DISABLE_TELEMETRY", "true");
        String load = Load.now();
        long start = System.nanoTime();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        long ms = (System.nanoTime() - start) / 1_000_000;
        long kib = -1;
        if (measureRss) {
            try {
                List<String> lines = Files.readAllLines(rss);
                kib = Long.parseLong(lines.get(lines.size() - 1).trim());
            } catch (RuntimeException e) {
                kib = -1;
            }
            Files.deleteIfExists(rss);
        }
        if (rc != 0) {
            throw new IllegalStateException(String.join(" ", command) + " (in " + dir + ") exited with " + rc + "\n" + out);
        }
        return new Sample(ms, kib, load);
    }

    /** One warm-up of each command, then {@code runs} rounds, each running every command once. */
    static Map<String, List<Sample>> interleaved(Map<String, Cmd> commands, int runs) throws IOException, InterruptedException {
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (Map.Entry<String, Cmd> e : commands.entrySet()) {
            time(e.getValue().dir(), e.getValue().command());
            samples.put(e.getKey(), new ArrayList<>());
        }
        for (int i = 1; i <= runs; i++) {
            for (Map.Entry<String, Cmd> e : commands.entrySet()) {
                Sample s = time(e.getValue().dir(), e.getValue().command());
                samples.get(e.getKey()).add(s);
                System.out.printf(Locale.ROOT, "  run %d/%d %-34s %,7d ms  (load %s)%n", i, runs, e.getKey(), s.millis(), s.load());
            }
        }
        return samples;
    }

    static double medianMillis(List<Sample> samples) {
        return median(samples.stream().map(s -> (double) s.millis()).toList());
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Median, min, peak RSS and, with a reference row, the difference and ratio to it. */
    static void table(Map<String, List<Sample>> samples, String reference) {
        double ref = reference == null ? Double.NaN : medianMillis(samples.get(reference));
        System.out.printf(Locale.ROOT, "  %-36s %10s %10s %12s %10s %8s%n", "command", "median ms", "min ms", "peak RSS MB",
                reference == null ? "" : "- ref ms", reference == null ? "" : "x ref");
        for (Map.Entry<String, List<Sample>> e : samples.entrySet()) {
            double median = medianMillis(e.getValue());
            long min = e.getValue().stream().mapToLong(Sample::millis).min().orElse(0);
            double rss = median(e.getValue().stream().map(s -> (double) s.peakRssKib()).toList());
            System.out.printf(Locale.ROOT, "  %-36s %,10.0f %,10d %12s %10s %8s%n", e.getKey(), median, min,
                    rss < 0 ? "-" : String.format(Locale.ROOT, "%,.0f", rss / 1024),
                    reference == null ? "" : String.format(Locale.ROOT, "%+,.0f", median - ref),
                    reference == null ? "" : String.format(Locale.ROOT, "%.2f", median / ref));
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
