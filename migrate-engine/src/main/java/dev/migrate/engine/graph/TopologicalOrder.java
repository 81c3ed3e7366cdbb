package dev.migrate.engine.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which Alembic runs a set of revisions (its _topological_sort), computed in linear
 * time over revision numbers. {@code normDown} holds each revision's parents including
 * dependencies, {@code normNext} the reverse.
 */
final class TopologicalOrder {
    private final int[][] normDown;
    private final int[][] normNext;

    TopologicalOrder(int[][] normDown, int[][] normNext) {
        this.normDown = normDown;
        this.normNext = normNext;
    }

    /**
     * Alembic's _topological_sort, in linear time: revisions of {@code todo}, newest first, walking
     * down one branch as long as no other pending head still needs the revision, and switching to
     * the first head that does. A revision waits while any of its children in {@code todo} has not
     * been emitted (which is exactly when another pending head has it as an ancestor).
     */
    int[] sort(BitSet todo, List<Integer> startHeads) {
        int n = normDown.length;
        int[] pending = new int[n];
        for (int i = todo.nextSetBit(0); i >= 0; i = todo.nextSetBit(i + 1)) {
            for (int d : normDown[i]) {
                if (todo.get(d)) {
                    pending[d]++;
                }
            }
        }
        boolean[] done = new boolean[n];
        boolean[] inCurrent = new boolean[n];
        List<Integer> current = new ArrayList<>();
        startHeads.stream().filter(todo::get).distinct().sorted().forEach(h -> {
            current.add(h);
            inCurrent[h] = true;
        });
        int[] out = new int[todo.cardinality()];
        int emitted = 0;
        Map<Integer, int[]> regions = new HashMap<>();
        int[] stack = new int[n];
        int idx = 0;
        while (!current.isEmpty()) {
            int candidate = current.get(idx);
            if (pending[candidate] > 0) {
                int blocking = blockingHead(candidate, idx, current, todo, done, regions, stack);
                if (blocking >= 0) {
                    idx = blocking;
                    continue;
                }
            }
            if (!done[candidate]) {
                out[emitted++] = candidate;
                done[candidate] = true;
            }
            List<Integer> toAdd = new ArrayList<>(2);
            for (int d : normDown[candidate]) {
                if (todo.get(d)) {
                    pending[d]--;
                    if (!done[d] && !inCurrent[d]) {
                        toAdd.add(d);
                    }
                }
            }
            inCurrent[candidate] = false;
            if (toAdd.isEmpty()) {
                current.remove(idx);
                idx = Math.max(idx - 1, 0);
            } else {
                current.set(idx, toAdd.get(0));
                current.addAll(toAdd.subList(1, toAdd.size()));
                toAdd.forEach(d -> inCurrent[d] = true);
            }
        }
        if (emitted < out.length) {
            for (int i = todo.nextSetBit(0); i >= 0; i = todo.nextSetBit(i + 1)) {
                if (!done[i]) {
                    out[emitted++] = i;
                }
            }
        }
        return out;
    }

    /**
     * The position of the first pending head (other than {@code idx}) that has {@code candidate}
     * as an ancestor; -1 if none. The revisions above a waiting candidate are found once, by
     * walking up through those not yet emitted, and kept: a pending head is above the candidate
     * later only if it already was then, so each region is walked once per sort.
     */
    private int blockingHead(int candidate, int idx, List<Integer> current, BitSet todo, boolean[] done,
                             Map<Integer, int[]> regions, int[] stack) {
        int[] region = regions.computeIfAbsent(candidate, c -> regionAbove(c, todo, done, stack));
        for (int j = 0; j < current.size(); j++) {
            if (j != idx && Arrays.binarySearch(region, current.get(j)) >= 0) {
                return j;
            }
        }
        return -1;
    }

    /** The not yet emitted revisions of {@code todo} above {@code candidate}, sorted. */
    private int[] regionAbove(int candidate, BitSet todo, boolean[] done, int[] stack) {
        BitSet seen = new BitSet();
        int top = 0;
        stack[top++] = candidate;
        int count = 0;
        int[] found = new int[16];
        while (top > 0) {
            int r = stack[--top];
            for (int c : normNext[r]) {
                if (todo.get(c) && !done[c] && !seen.get(c)) {
                    seen.set(c);
                    stack[top++] = c;
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = c;
                }
            }
        }
        int[] region = Arrays.copyOf(found, count);
        Arrays.sort(region);
        return region;
    }
}
