package dev.migrate.engine.graph;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.migrate.engine.graph.Graphs.assertDowngrade;
import static dev.migrate.engine.graph.Graphs.assertUpgrade;
import static dev.migrate.engine.graph.Graphs.changes;
import static dev.migrate.engine.graph.Graphs.labelled;
import static dev.migrate.engine.graph.Graphs.map;
import static dev.migrate.engine.graph.Graphs.rev;
import static dev.migrate.engine.graph.Graphs.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Several roots and branches joined by merge points: Alembic's BranchFromMergepointTest,
 * BranchFrom3WayMergepointTest, TwinMergeTest, NotQuiteTwinMergeTest, MergedPathTest and
 * ForestTest (tests/test_version_traversal.py).
 */
class MultipleBranchesWithMergesTest {

    @Test
    void branchFromMergepoint() {
        RevisionMap map = map(rev("a1"), rev("b1", "a1"), rev("c1", "b1"), rev("a2"), rev("b2", "a2"),
                rev("c2", "b2"), rev("d1", "c1", "c2"), rev("d2", "c2"));
        assertUpgrade(map, "d1", set("d2", "b1"), List.of("up:c1", "up:d1"), set("d2", "d1"));
        assertDowngrade(map, "b1", set("d2", "d1"), List.of("down:d1", "down:c1"), set("d2", "b1"));
        assertEquals(set("a1", "a2"), map.bases());
        assertEquals(set("c2"), map.branchPoints());
    }

    @Test
    void branchFromThreeWayMergepoint() {
        RevisionMap map = map(rev("a1"), rev("b1", "a1"), rev("c1", "b1"), rev("a2"), rev("b2", "a2"),
                rev("c2", "b2"), rev("a3"), rev("b3", "a3"), rev("c3", "b3"), rev("d1", "c1", "c2", "c3"),
                rev("d2", "c2"), rev("d3", "c3"));
        assertUpgrade(map, "d1", set("d3", "d2", "b1"), List.of("up:c1", "up:d1"), set("d3", "d2", "d1"));
        assertDowngrade(map, "b1", set("d3", "d2", "d1"), List.of("down:d1", "down:c1"), set("d3", "d2", "b1"));
        assertUpgrade(map, "d1", set("d3", "b2", "b1"), List.of("up:c2", "up:c1", "up:d1"), set("d3", "d1"));
        assertUpgrade(map, "d2", set("d3", "d1"), List.of("up:d2"), set("d3", "d2", "d1"));
    }

    @Test
    void twinMerge() {
        RevisionMap map = map(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("b3", "a"), rev("c1", "b1", "b2", "b3"),
                rev("c2", "b1", "b2", "b3"), rev("d1", "c1"), rev("d2", "c2"));
        Plan plan = map.upgrade(set("a"), "heads");
        assertEquals(List.of("up:b3", "up:b2", "up:b1", "up:c2", "up:d2", "up:c1", "up:d1"), Graphs.steps(plan));
        assertEquals(List.of(set("b3"), set("b2", "b3"), set("b1", "b2", "b3"), set("c2"), set("d2"),
                set("c1", "d2"), set("d1", "d2")), headsAfterEachStep(set("a"), plan));
    }

    @Test
    void notQuiteTwinMerge() {
        RevisionMap map = map(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("b3", "a"), rev("c1", "b1", "b2"),
                rev("c2", "b2", "b3"), rev("d1", "c1"), rev("d2", "c2"));
        Plan plan = map.upgrade(set("a"), "heads");
        assertEquals(List.of("up:b2", "up:b3", "up:c2", "up:d2", "up:b1", "up:c1", "up:d1"), Graphs.steps(plan));
        assertEquals(List.of(set("b2"), set("b2", "b3"), set("c2"), set("d2"), set("b1", "d2"), set("c1", "d2"),
                set("d1", "d2")), headsAfterEachStep(set("a"), plan));
    }

    private final RevisionMap merged = map(rev("a"), rev("b", "a"), rev("c1", "b"), rev("d1", "c1"),
            labelled("c2", "c2branch", "b"), rev("d2", "c2"), rev("e", "d1", "d2"), rev("f", "e"));

    @Test
    void upgradeAcrossMergePoint() {
        assertUpgrade(merged, "f", set("b"), List.of("up:c2", "up:d2", "up:c1", "up:d1", "up:e", "up:f"), set("f"));
        assertEquals(List.of("update b c2", "update c2 d2", "insert c1", "update c1 d1", "delete d1", "update d2 e",
                "update e f"), changes(merged.upgrade(set("b"), "f")));
    }

    @Test
    void downgradeAcrossMergePoint() {
        assertDowngrade(merged, "b", set("f"), List.of("down:f", "down:e", "down:d1", "down:c1", "down:d2", "down:c2"),
                set("b"));
        assertEquals(List.of("update f e", "insert d1", "update e d2", "update d1 c1", "delete c1", "update d2 c2",
                "update c2 b"), changes(merged.downgrade(set("f"), "b")));
    }

    @Test
    void stampAcrossMergePoint() {
        assertEquals(List.of("update e c2"), changes(merged.stamp(set("e"), List.of("c2"), false)));
        assertEquals(List.of("update e a"), changes(merged.stamp(set("e"), List.of("a"), false)));
        assertEquals(List.of("update c2 e"), changes(merged.stamp(set("c2"), List.of("e"), false)));
        assertEquals(List.of("delete d1", "update c2 f"),
                changes(merged.stamp(set("d1", "c2"), List.of("c2branch@head"), false)));
        assertEquals(List.of("delete d1", "update c2 e"), changes(merged.stamp(set("d1", "c2"), List.of("e"), false)));
        assertEquals(List.of("update b e"), changes(merged.stamp(set("b"), List.of("e"), false)));
    }

    private final RevisionMap forest = map(rev("a1"), rev("b1", "a1"), rev("a2"), rev("b2", "a2"));

    @Test
    void forestBaseToHeads() {
        assertEquals(List.of("up:a2", "up:b2", "up:a1", "up:b1"), Graphs.steps(forest.planner().upgrade(Range.parse("base:heads"))));
        assertUpgrade(forest, "heads", set(), List.of("up:a2", "up:b2", "up:a1", "up:b1"), set("b1", "b2"));
    }

    @Test
    void forestStampToHeads() {
        assertEquals(List.of("insert b1", "insert b2"), changes(forest.stamp(set(), List.of("heads"), false)));
        assertEquals(List.of(), changes(forest.stamp(set("b1", "b2"), List.of("heads"), false)));
    }

    @Test
    void stampPurgeClearsUnknownRows() {
        Plan plan = forest.stamp(set("zzzz", "b1"), List.of("a2"), true);
        assertEquals(List.of("delete b1", "delete zzzz", "insert a2"), changes(plan));
        assertEquals(set("a2"), plan.endHeads());
        assertEquals(set("zzzz", "b1"), plan.startHeads());
    }

    /**
     * m merges a and c, where a is also an ancestor of c. Downgrading m, Alembic puts a back
     * next to c although c already implies it; we keep the version table to the newest
     * revisions only.
     */
    @Test
    void downgradingAMergeOfARevisionAndItsAncestorKeepsOnlyTheNewestRowUnlikeAlembic() {
        RevisionMap map = map(rev("a"), rev("b", "a"), rev("c", "b"), rev("m", "a", "c"));
        assertDowngrade(map, "c", set("m"), List.of("down:m"), set("c"));
        assertEquals(List.of("update m c"), changes(map.downgrade(set("m"), "c")));
    }

    private static List<Set<String>> headsAfterEachStep(Set<String> start, Plan plan) {
        List<Set<String>> out = new ArrayList<>();
        Set<String> rows = new LinkedHashSet<>(start);
        for (Step step : plan.steps()) {
            rows = Graphs.replay(rows, Plan.of(rows, rows, List.of(step)));
            out.add(new LinkedHashSet<>(rows));
        }
        return out;
    }
}
