package dev.migrate.engine.graph;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.migrate.engine.graph.Graphs.assertDowngrade;
import static dev.migrate.engine.graph.Graphs.assertUpgrade;
import static dev.migrate.engine.graph.Graphs.changes;
import static dev.migrate.engine.graph.Graphs.map;
import static dev.migrate.engine.graph.Graphs.rev;
import static dev.migrate.engine.graph.Graphs.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** a -> b -> c -> d -> e, Alembic's RevisionPathTest (tests/test_version_traversal.py). */
class LinearGraphTest {
    private final RevisionMap map = map(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c"), rev("e", "d"));

    @Test
    void headsBasesAndOrder() {
        assertEquals(set("e"), map.heads());
        assertEquals(set("a"), map.bases());
        assertEquals(set(), map.branchPoints());
        assertEquals(set(), map.mergePoints());
        assertEquals(List.of("a", "b", "c", "d", "e"), map.revisions().stream().map(Revision::id).toList());
        assertEquals(set("c"), map.children("b"));
    }

    @Test
    void upgradePath() {
        assertUpgrade(map, "e", set("c"), List.of("up:d", "up:e"), set("e"));
        assertUpgrade(map, "c", set(), List.of("up:a", "up:b", "up:c"), set("c"));
        assertEquals(List.of("insert a", "update a b", "update b c"), changes(map.upgrade(set(), "c")));
    }

    @Test
    void upgradeToHeadAndHeads() {
        assertUpgrade(map, "head", set("c"), List.of("up:d", "up:e"), set("e"));
        assertUpgrade(map, "heads", set(), List.of("up:a", "up:b", "up:c", "up:d", "up:e"), set("e"));
    }

    @Test
    void upgradeToAnOlderRevisionDoesNothing() {
        assertUpgrade(map, "b", set("d"), List.of(), set("d"));
    }

    @Test
    void relativeUpgradePath() {
        assertUpgrade(map, "+2", set("a"), List.of("up:b", "up:c"), set("c"));
        assertUpgrade(map, "+1", set("a"), List.of("up:b"), set("b"));
        assertUpgrade(map, "+3", set("b"), List.of("up:c", "up:d", "up:e"), set("e"));
        assertUpgrade(map, "b+2", set("a"), List.of("up:b", "up:c", "up:d"), set("d"));
        assertUpgrade(map, "d-2", set("a"), List.of("up:b"), set("b"));
        assertUpgrade(map, "head-1", set("a"), List.of("up:b", "up:c", "up:d"), set("d"));
    }

    /** Alembic fails an assertion when 'rev-N' walks below the base; we read it as 'base'. */
    @Test
    void upgradeToAStepBelowTheBaseIsBaseWhereAlembicCrashes() {
        assertUpgrade(map, "a-1", set("b"), List.of(), set("b"));
        assertEquals(Set.of(), map.resolve("a-1", set()));
    }

    @Test
    void invalidRelativeUpgradePath() {
        RelativeTargetException down = assertThrows(RelativeTargetException.class, () -> map.upgrade(set("b"), "-2"));
        assertEquals("Relative target '-2' goes down from the current heads: use it with downgrade, not upgrade.",
                down.getMessage());
        RelativeTargetException far = assertThrows(RelativeTargetException.class, () -> map.upgrade(set("b"), "+5"));
        assertEquals("Relative target '+5' walks too far: there are fewer than 5 revisions above its start. "
                + "Use a smaller step, or 'heads' / 'base'.", far.getMessage());
        assertEquals("+5", far.target());
    }

    @Test
    void downgradePath() {
        assertDowngrade(map, "c", set("e"), List.of("down:e", "down:d"), set("c"));
        assertDowngrade(map, "base", set("c"), List.of("down:c", "down:b", "down:a"), set());
        assertEquals(List.of("update c b", "update b a", "delete a"), changes(map.downgrade(set("c"), "base")));
    }

    @Test
    void downgradeFromEmptyDatabaseToBase() {
        assertDowngrade(map, "base", set(), List.of(), set());
    }

    @Test
    void downgradeToTheCurrentRevisionDoesNothing() {
        assertDowngrade(map, "a", set("a"), List.of(), set("a"));
        assertDowngrade(map, "e", set("e"), List.of(), set("e"));
    }

    @Test
    void relativeDowngradePath() {
        assertDowngrade(map, "-1", set("c"), List.of("down:c"), set("b"));
        assertDowngrade(map, "-3", set("e"), List.of("down:e", "down:d", "down:c"), set("b"));
        assertDowngrade(map, "a+2", set("d"), List.of("down:d"), set("c"));
        assertDowngrade(map, "c-2", set("d"), List.of("down:d", "down:c", "down:b"), set("a"));
        assertDowngrade(map, "base+1", set("c"), List.of("down:c", "down:b"), set("a"));
    }

    @Test
    void invalidRelativeDowngradePath() {
        assertEquals("Relative target '-5' walks too far: there are fewer than 5 revisions below its start. "
                        + "Use a smaller step, or 'heads' / 'base'.",
                assertThrows(RelativeTargetException.class, () -> map.downgrade(set("b"), "-5")).getMessage());
        assertEquals("Relative target '+2' goes up from the current heads: use it with upgrade, not downgrade.",
                assertThrows(RelativeTargetException.class, () -> map.downgrade(set("b"), "+2")).getMessage());
    }

    @Test
    void downgradeMinusOneFromEmptyDatabase() {
        assertEquals("Relative target '-1' walks too far: the database is at base, there is nothing to downgrade.",
                assertThrows(RelativeTargetException.class, () -> map.downgrade(set(), "-1")).getMessage());
    }

    @Test
    void downgradeTargetAboveTheCurrentHeadIsRejected() {
        NotAnAncestorException e = assertThrows(NotAnAncestorException.class, () -> map.downgrade(set("b"), "c"));
        assertEquals("Destination 'c' is not a valid downgrade target from the current heads (b): it is not an "
                + "ancestor of them. Run 'history' to pick an older revision on the same branch.", e.getMessage());
        assertThrows(NotAnAncestorException.class, () -> map.downgrade(set(), "b"));
    }

    @Test
    void stampToBaseDeletesTheHead() {
        Plan plan = map.stamp(set("d"), List.of("base"), false);
        assertEquals(List.of("delete d"), changes(plan));
        assertEquals(set(), plan.endHeads());
        assertEquals(List.of(), plan.steps());
    }

    @Test
    void stampUpAndDownUpdatesTheRow() {
        assertEquals(List.of("update b e"), changes(map.stamp(set("b"), List.of("heads"), false)));
        assertEquals(List.of("update e b"), changes(map.stamp(set("e"), List.of("b"), false)));
        assertEquals(List.of("insert c"), changes(map.stamp(set(), List.of("c"), false)));
        assertEquals(List.of(), changes(map.stamp(set("c"), List.of("c"), false)));
    }

    @Test
    void historyIsNewestFirst() {
        assertEquals(List.of("e", "d", "c", "b", "a"), ids(map.history(null, set())));
        assertEquals(List.of("d", "c", "b"), ids(map.history("b:d", set())));
        assertEquals(List.of("c", "b", "a"), ids(map.history(":c", set())));
        assertEquals(List.of("e", "d"), ids(map.history("d:", set())));
        assertEquals(List.of("e", "d", "c"), ids(map.history("current:", set("c"))));
        assertEquals(List.of("c", "b", "a"), ids(map.history(":current", set("c"))));
    }

    @Test
    void historyRangeBackwardsIsRejected() {
        NotAnAncestorException e = assertThrows(NotAnAncestorException.class, () -> map.history("d:b", set()));
        assertEquals("Revision d is not an ancestor of revision b. Give a range whose start is older than its end "
                + "on the same branch.", e.getMessage());
    }

    private static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }
}
