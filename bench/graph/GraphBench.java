import dev.migrate.engine.graph.Plan;
import dev.migrate.engine.graph.Revision;
import dev.migrate.engine.graph.RevisionMap;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Builds and resolves a large revision graph: long chains, forks that run in parallel for a while
 * and merge again, a few separate roots joined in, branch labels and cross-branch dependencies.
 * Prints the time of each operation and the heap the map holds. Not a test: run bench/graph/run.
 */
public final class GraphBench {
    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Revision> revisions = graph(size, new Random(42));
        System.out.printf(Locale.ROOT, "graph: %,d revisions, %d processors, load average %.1f%n", revisions.size(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int round = 1; round <= rounds; round++) {
            run(round, revisions, round == rounds);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static void run(int round, List<Revision> revisions, boolean last) {
        long heapBefore = usedHeap();
        long[] wall = new long[6];
        long[] cpu = new long[6];
        mark(wall, cpu, 0);
        RevisionMap map = RevisionMap.of(revisions);
        mark(wall, cpu, 1);
        Set<String> heads = map.heads();
        mark(wall, cpu, 2);
        Plan up = map.upgrade(Set.of(), "heads");
        mark(wall, cpu, 3);
        Plan down = map.downgrade(up.endHeads(), "base");
        mark(wall, cpu, 4);
        String someId = revisions.get(revisions.size() / 2).id();
        map.resolve(someId.substring(0, 8), Set.of());
        map.history(someId + ":heads", Set.of());
        mark(wall, cpu, 5);
        long heapAfter = usedHeap();
        if (up.steps().size() != revisions.size() || down.steps().size() != revisions.size() || !down.endHeads().isEmpty()) {
            throw new IllegalStateException("plans do not cover the graph");
        }
        System.out.printf(Locale.ROOT,
                "round %d (wall/cpu ms): of %s, heads %s (%d heads), upgrade base->heads %s (%,d steps), "
                        + "downgrade heads->base %s; total %s; then prefix+history %s; map+plans heap %.0f MB%n",
                round, span(wall, cpu, 0, 1), span(wall, cpu, 1, 2), heads.size(), span(wall, cpu, 2, 3),
                up.steps().size(), span(wall, cpu, 3, 4), span(wall, cpu, 0, 4), span(wall, cpu, 4, 5),
                (heapAfter - heapBefore) / 1048576.0);
        if (last) {
            System.out.printf(Locale.ROOT, "max heap %.0f MB%n", Runtime.getRuntime().maxMemory() / 1048576.0);
        }
        // keep the map and plans reachable until the heap was measured
        if (map.revisions().isEmpty() && up.steps().isEmpty()) {
            System.out.println();
        }
    }

    /** Chains with forks of 2-3 branches that merge again, extra roots merged in, labels and dependencies. */
    static List<Revision> graph(int size, Random random) {
        List<Revision> out = new ArrayList<>(size);
        String tip = add(out, List.of(), List.of(), Set.of(), random);
        int labels = 0;
        while (out.size() < size) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                for (int k = 0; k < 200 && out.size() < size; k++) {
                    tip = add(out, List.of(tip), List.of(), Set.of(), random);
                }
            } else if (kind < 9) {
                int ways = 2 + random.nextInt(2);
                List<String> ends = new ArrayList<>();
                for (int w = 0; w < ways; w++) {
                    String end = tip;
                    int length = 20 + random.nextInt(150);
                    for (int k = 0; k < length && out.size() < size - ways; k++) {
                        Set<String> label = k == 0 && labels < 20 ? Set.of("branch" + labels++) : Set.of();
                        end = add(out, List.of(end), List.of(), label, random);
                    }
                    ends.add(end);
                }
                List<String> parents = ends.stream().distinct().toList();
                tip = add(out, parents, List.of(), Set.of(), random);
            } else {
                String root = add(out, List.of(), List.of(), Set.of(), random);
                for (int k = 0; k < 30; k++) {
                    root = add(out, List.of(root), List.of(), Set.of(), random);
                }
                String dep = out.get(random.nextInt(out.size())).id();
                tip = add(out, List.of(tip, root), List.of(dep), Set.of(), random);
            }
        }
        return out;
    }

    private static String add(List<Revision> out, List<String> down, List<String> deps, Set<String> labels,
                              Random random) {
        String id = String.format(Locale.ROOT, "%012x", random.nextLong() & 0xffffffffffffL);
        List<String> cleanDeps = deps.stream().filter(d -> !down.contains(d)).toList();
        out.add(new Revision(id, down, cleanDeps, labels));
        return id;
    }

    private static void mark(long[] wall, long[] cpu, int i) {
        wall[i] = System.nanoTime();
        cpu[i] = THREADS.getCurrentThreadCpuTime();
    }

    private static String span(long[] wall, long[] cpu, int from, int to) {
        return String.format(Locale.ROOT, "%.0f/%.0f", ms(wall[to] - wall[from]), ms(cpu[to] - cpu[from]));
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
