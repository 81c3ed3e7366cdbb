package dev.migrate.engine.scripts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Not a test: writes N small revision files (a chain, 100 per folder) into a temporary directory and
 * times {@link ScriptDirectory#load(Path)} over them, cold then warm, then {@link ScriptDirectory#map()}.
 * Run: {@code java -cp target/classes:target/test-classes dev.migrate.engine.scripts.ScriptDirectoryBenchmark 5000 100000}
 */
public final class ScriptDirectoryBenchmark {

    public static void main(String[] args) throws IOException {
        for (String arg : args.length == 0 ? new String[] {"5000"} : args) {
            run(Integer.parseInt(arg));
        }
    }

    private static void run(int n) throws IOException {
        Path versions = Files.createTempDirectory("migrate-bench");
        try {
            for (int i = 0; i < n; i++) {
                String id = String.format("r%06d", i);
                Path file = versions.resolve("d" + (i / 100)).resolve(id + "_add_table.sql");
                Files.createDirectories(file.getParent());
                Files.writeString(file, ScriptDirectoryTest.revisionFile(id, i == 0 ? "" : String.format("r%06d", i - 1)));
            }
            for (int round = 1; round <= 3; round++) {
                System.gc();
                long t0 = System.nanoTime();
                ScriptDirectory dir = ScriptDirectory.load(versions);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                long t1 = System.nanoTime();
                int heads = dir.map().heads().size();
                long mapMs = (System.nanoTime() - t1) / 1_000_000;
                Runtime rt = Runtime.getRuntime();
                System.out.printf("%,d files: round %d loaded %,d scripts in %,d ms, graph (%d head) in %,d ms (heap used %,d MB)%n",
                        n, round, dir.scripts().size(), ms, heads, mapMs, (rt.totalMemory() - rt.freeMemory()) >> 20);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(versions)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
