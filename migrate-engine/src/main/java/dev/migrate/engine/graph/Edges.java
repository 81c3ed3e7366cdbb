package dev.migrate.engine.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Work on the graph's adjacency arrays, where revision {@code i}'s edges are {@code edges[i]}:
 * reachability, reversal, peeling for cycle detection. Every method is linear in the edges it
 * visits.
 */
final class Edges {
    static final int[] NONE = new int[0];

    private Edges() {
    }

    /** Ancestors (edges = parents) or descendants (edges = children) of the starts. */
    static BitSet closure(Collection<Integer> starts, int[][] edges, boolean inclusive) {
        BitSet seen = new BitSet(edges.length);
        int[] stack = new int[Math.max(16, starts.size())];
        int top = 0;
        for (int s : starts) {
            if (inclusive) {
                if (seen.get(s)) {
                    continue;
                }
                seen.set(s);
            }
            if (top == stack.length) {
                stack = Arrays.copyOf(stack, top * 2);
            }
            stack[top++] = s;
        }
        while (top > 0) {
            int r = stack[--top];
            for (int e : edges[r]) {
                if (!seen.get(e)) {
                    seen.set(e);
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = e;
                }
            }
        }
        return seen;
    }

    /** The revisions reached by peeling off those whose every parent was peeled (Kahn's algorithm). */
    static BitSet peel(int[][] parents, int[][] children) {
        int n = parents.length;
        int[] missing = new int[n];
        int[] stack = new int[n];
        int top = 0;
        for (int i = 0; i < n; i++) {
            missing[i] = parents[i].length;
            if (missing[i] == 0) {
                stack[top++] = i;
            }
        }
        BitSet done = new BitSet(n);
        while (top > 0) {
            int i = stack[--top];
            done.set(i);
            for (int c : children[i]) {
                if (--missing[c] == 0) {
                    stack[top++] = c;
                }
            }
        }
        return done;
    }

    static int[][] reverse(int[][] edges) {
        int n = edges.length;
        int[] count = new int[n];
        for (int[] es : edges) {
            for (int e : es) {
                count[e]++;
            }
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = count[i] == 0 ? NONE : new int[count[i]];
            count[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int e : edges[i]) {
                out[e][count[e]++] = i;
            }
        }
        return out;
    }

    static int[] union(int[] a, int[] b) {
        if (b.length == 0) {
            return a;
        }
        int[] out = Arrays.copyOf(a, a.length + b.length);
        int k = a.length;
        for (int x : b) {
            if (!contains(out, k, x)) {
                out[k++] = x;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    static boolean contains(int[] a, int length, int x) {
        for (int k = 0; k < length; k++) {
            if (a[k] == x) {
                return true;
            }
        }
        return false;
    }

    /** The numbers {@code 0..n-1} that satisfy {@code p}, in order. */
    static int[] select(int n, IntPredicate p) {
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (p.test(i)) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }

    static List<Integer> toList(int[] a) {
        List<Integer> out = new ArrayList<>(a.length);
        for (int x : a) {
            out.add(x);
        }
        return out;
    }
}
