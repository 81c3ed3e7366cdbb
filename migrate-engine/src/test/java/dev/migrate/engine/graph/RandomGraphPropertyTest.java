package dev.migrate.engine.graph;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * 300 seeded random graphs (branches, merges, several roots, dependencies, labels). For
 * every pair of a reachable database state and a target, plans are checked against a plain
 * set-based model: the steps are exactly the revisions to add or drop, in an order that respects
 * every 'Revises:' and 'Depends On:' edge, their version changes replayed onto the start heads
 * give the end heads, upgrading then downgrading back returns to the start, and a stamp replaces
 * exactly the heads on its target's line of descent.
 */
class RandomGraphPropertyTest {
    private static final int GRAPHS = 300;

    private int upgrades;
    private int downgrades;
    private int roundTrips;
    private int stamps;

    @Test
    void plansAgreeWithTheModelOnRandomGraphs() {
        Random random = new Random(20261122L);
        for (int g = 0; g < GRAPHS; g++) {
            List<Revision> revisions = randomGraph(random, 2 + random.nextInt(24), g % 3 == 0);
            Model model = new Model(revisions);
            RevisionMap map = RevisionMap.of(revisions);
            assertEquals(model.maximal(model.all()), map.heads(), "heads of graph " + g);
            for (Set<String> state : states(random, model)) {
                List<String> targets = new ArrayList<>(model.ids);
                targets.add("heads");
                for (String target : targets) {
                    checkUpgrade(g, map, model, state, target);
                    checkDowngrade(g, map, model, state, target);
                    checkStamp(g, map, model, state, target);
                }
                for (String relative : List.of("+1", "+2", "-1", "head-1", "base+1")) {
                    tryAnything(map, state, relative);
                }
            }
        }
        assertTrue(upgrades > 20_000, "upgrade plans checked: " + upgrades);
        assertTrue(downgrades > 5_000, "downgrade plans checked: " + downgrades);
        assertTrue(roundTrips > 5_000, "round trips checked: " + roundTrips);
        assertTrue(stamps > 20_000, "stamps checked: " + stamps);
    }

    private void checkUpgrade(int g, RevisionMap map, Model model, Set<String> state, String target) {
        Plan up = map.upgrade(state, target);
        upgrades++;
        String what = "graph " + g + " upgrade " + state + " -> " + target;
        Set<String> applied = model.applied(state);
        Set<String> wanted = target.equals("heads") ? model.all() : model.applied(Set.of(target));
        Set<String> expectedAdded = new LinkedHashSet<>(wanted);
        expectedAdded.removeAll(applied);
        List<String> added = up.steps().stream().map(s -> s.revision().id()).toList();
        assertEquals(expectedAdded, new HashSet<>(added), what);
        assertEquals(added.size(), expectedAdded.size(), what + ": a revision runs twice");
        Set<String> done = new HashSet<>(applied);
        for (String r : added) {
            for (String parent : model.parents.get(r)) {
                assertTrue(done.contains(parent), what + ": " + r + " runs before " + parent);
            }
            done.add(r);
        }
        Set<String> end = model.maximal(done);
        assertEquals(end, up.endHeads(), what);
        assertEquals(end, Graphs.replay(state, up), what + ": version changes");

        if (state.size() <= 1) {
            String back = state.isEmpty() ? "base" : state.iterator().next();
            if (state.isEmpty() || model.above(back).containsAll(expectedAdded)) {
                Plan down = map.downgrade(up.endHeads(), back);
                assertEquals(state, down.endHeads(), what + " and back to " + back);
                assertEquals(state, Graphs.replay(up.endHeads(), down), what + " and back: version changes");
                List<String> reversed = new ArrayList<>(added);
                assertEquals(new HashSet<>(reversed),
                        new HashSet<>(down.steps().stream().map(s -> s.revision().id()).toList()), what);
                roundTrips++;
            }
        }
    }

    private void checkDowngrade(int g, RevisionMap map, Model model, Set<String> state, String target) {
        if (target.equals("heads")) {
            target = "base";
        }
        Set<String> applied = model.applied(state);
        Set<String> dropped = new LinkedHashSet<>();
        if (target.equals("base")) {
            dropped.addAll(applied);
        } else {
            dropped.addAll(model.above(target));
            dropped.retainAll(applied);
            if (dropped.isEmpty() && !state.contains(target)) {
                try {
                    map.downgrade(state, target);
                    fail("graph " + g + " downgrade " + state + " -> " + target + " should be refused");
                } catch (NotAnAncestorException expected) {
                    return;
                }
            }
        }
        String what = "graph " + g + " downgrade " + state + " -> " + target;
        Plan down = map.downgrade(state, target);
        downgrades++;
        List<String> removed = down.steps().stream().map(s -> s.revision().id()).toList();
        assertEquals(dropped, new HashSet<>(removed), what);
        assertEquals(removed.size(), dropped.size(), what);
        Set<String> remaining = new HashSet<>(applied);
        for (String r : removed) {
            for (String c : model.dependents.get(r)) {
                assertTrue(!remaining.contains(c) || c.equals(r), what + ": " + r + " is removed before " + c);
            }
            remaining.remove(r);
        }
        Set<String> end = model.maximal(remaining);
        assertEquals(end, down.endHeads(), what);
        assertEquals(end, Graphs.replay(state, down), what + ": version changes");
    }

    private void checkStamp(int g, RevisionMap map, Model model, Set<String> state, String target) {
        String what = "graph " + g + " stamp " + state + " -> " + target;
        Plan plan = map.stamp(state, List.of(target), false);
        stamps++;
        Set<String> expected = new HashSet<>();
        if (target.equals("heads")) {
            expected.addAll(model.maximal(model.all()));
        } else {
            Set<String> line = model.applied(Set.of(target));
            line.addAll(model.descendants(target));
            state.stream().filter(h -> !line.contains(h)).forEach(expected::add);
            expected.add(target);
        }
        assertEquals(expected, plan.endHeads(), what);
        assertEquals(expected, Graphs.replay(state, plan), what + ": version changes");
        assertEquals(Set.of(), Graphs.replay(state, map.stamp(state, List.of("base"), false)), what + " to base");
        assertTrue(plan.steps().isEmpty(), what);
    }

    /** Relative targets may be refused, but only with a graph error, never a crash. */
    private static void tryAnything(RevisionMap map, Set<String> state, String target) {
        for (boolean upgrade : new boolean[] {true, false}) {
            try {
                Plan plan = upgrade ? map.upgrade(state, target) : map.downgrade(state, target);
                assertEquals(plan.endHeads(), Graphs.replay(state, plan), target);
            } catch (GraphException refused) {
                // an answer, not a crash
            }
        }
    }

    static List<Revision> randomGraph(Random random, int n, boolean withDependencies) {
        List<Revision> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> down = new ArrayList<>();
            if (i > 0 && random.nextInt(12) != 0) {
                down.add("r" + Math.max(0, i - 1 - random.nextInt(Math.min(i, 4))));
                if (random.nextInt(6) == 0) {
                    String other = "r" + random.nextInt(i);
                    if (!down.contains(other)) {
                        down.add(other);
                    }
                }
            }
            List<String> deps = new ArrayList<>();
            if (withDependencies && i > 1 && random.nextInt(6) == 0) {
                String dep = "r" + random.nextInt(i);
                if (!down.contains(dep)) {
                    deps.add(dep);
                }
            }
            Set<String> labels = random.nextInt(8) == 0 ? Set.of("L" + i) : Set.of();
            out.add(new Revision("r" + i, down, deps, labels));
        }
        return out;
    }

    private static List<Set<String>> states(Random random, Model model) {
        List<Set<String>> out = new ArrayList<>();
        out.add(Set.of());
        for (int k = 0; k < 6; k++) {
            Set<String> pick = new HashSet<>();
            int size = 1 + random.nextInt(3);
            for (int j = 0; j < size; j++) {
                pick.add(model.ids.get(random.nextInt(model.ids.size())));
            }
            out.add(model.maximal(model.applied(pick)));
        }
        return out;
    }

    /** The graph as plain sets: what the plans must agree with. */
    private static final class Model {
        final List<String> ids = new ArrayList<>();
        final Map<String, List<String>> parents = new HashMap<>();
        final Map<String, List<String>> dependents = new HashMap<>();
        final Map<String, List<String>> children = new HashMap<>();

        Model(List<Revision> revisions) {
            for (Revision r : revisions) {
                ids.add(r.id());
                dependents.put(r.id(), new ArrayList<>());
                children.put(r.id(), new ArrayList<>());
            }
            for (Revision r : revisions) {
                List<String> ps = new ArrayList<>(r.downRevisions());
                ps.addAll(r.dependsOn());
                parents.put(r.id(), ps);
                ps.forEach(p -> dependents.get(p).add(r.id()));
                r.downRevisions().forEach(p -> children.get(p).add(r.id()));
            }
        }

        Set<String> all() {
            return new LinkedHashSet<>(ids);
        }

        Set<String> applied(Set<String> heads) {
            return closure(heads, parents);
        }

        /** Everything reachable through 'Revises:' and 'Depends On:' upwards. */
        Set<String> descendants(String id) {
            return closure(Set.of(id), dependents);
        }

        /** What a downgrade to {@code id} drops: everything above its version children. */
        Set<String> above(String id) {
            Set<String> out = new HashSet<>();
            children.get(id).forEach(c -> out.addAll(descendants(c)));
            return out;
        }

        Set<String> maximal(Set<String> applied) {
            Set<String> out = new LinkedHashSet<>();
            for (String id : ids) {
                if (applied.contains(id) && dependents.get(id).stream().noneMatch(applied::contains)) {
                    out.add(id);
                }
            }
            return out;
        }

        private static Set<String> closure(Set<String> start, Map<String, List<String>> edges) {
            Set<String> seen = new LinkedHashSet<>(start);
            List<String> todo = new ArrayList<>(start);
            while (!todo.isEmpty()) {
                String r = todo.remove(todo.size() - 1);
                for (String e : edges.get(r)) {
                    if (seen.add(e)) {
                        todo.add(e);
                    }
                }
            }
            return seen;
        }
    }
}
