package dev.migrate.engine.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.migrate.engine.graph.Graphs.assertDowngrade;
import static dev.migrate.engine.graph.Graphs.assertUpgrade;
import static dev.migrate.engine.graph.Graphs.changes;
import static dev.migrate.engine.graph.Graphs.map;
import static dev.migrate.engine.graph.Graphs.rev;
import static dev.migrate.engine.graph.Graphs.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** a forks into b1 and b2, merged by c, then d: Alembic's DiamondTest (tests/test_revision.py). */
class DiamondTest {
    private final RevisionMap map = map(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("c", "b1", "b2"), rev("d", "c"));

    @Test
    void shape() {
        assertEquals(set("d"), map.heads());
        assertEquals(set("a"), map.branchPoints());
        assertEquals(set("c"), map.mergePoints());
        assertEquals(set("b1", "b2"), map.children("a"));
    }

    @Test
    void iterateSimpleDiamond() {
        assertEquals(List.of("d", "c", "b1", "b2", "a"), map.history("a:d", set()).stream().map(Revision::id).toList());
    }

    @Test
    void upgradeThroughTheMerge() {
        assertUpgrade(map, "d", set(), List.of("up:a", "up:b2", "up:b1", "up:c", "up:d"), set("d"));
        assertEquals(List.of("insert a", "update a b2", "insert b1", "delete b1", "update b2 c", "update c d"),
                changes(map.upgrade(set(), "d")));
    }

    @Test
    void upgradeFromOneSideOfTheDiamond() {
        assertUpgrade(map, "c", set("b1"), List.of("up:b2", "up:c"), set("c"));
        assertEquals(List.of("insert b2", "delete b1", "update b2 c"), changes(map.upgrade(set("b1"), "c")));
    }

    @Test
    void downgradeThroughTheMergeUnmergesIt() {
        assertDowngrade(map, "a", set("d"), List.of("down:d", "down:c", "down:b1", "down:b2"), set("a"));
        assertEquals(List.of("update d c", "insert b1", "update c b2", "delete b1", "update b2 a"),
                changes(map.downgrade(set("d"), "a")));
    }

    @Test
    void downgradeToOneSide() {
        assertDowngrade(map, "b1", set("d"), List.of("down:d", "down:c"), set("b1", "b2"));
    }

    @Test
    void minusOneFromAMergeIsAmbiguous() {
        RelativeTargetException e = assertThrows(RelativeTargetException.class, () -> map.downgrade(set("c"), "c-1"));
        assertEquals("Relative target 'c-1' is ambiguous: revision c merges 2 revisions (b1, b2). "
                + "Name a branch with 'label@-1', or give a revision id.", e.getMessage());
    }

    /** Alembic raises a KeyError here: the first target consumes the merge head the second needs. */
    @Test
    void stampingTwoRevisionsBelowOneMergeHeadReplacesItWithBothInsteadOfCrashingLikeAlembic() {
        Plan plan = map.stamp(set("c"), List.of("b1", "b2"), false);
        assertEquals(List.of("update c b1", "insert b2"), changes(plan));
        assertEquals(set("b1", "b2"), plan.endHeads());
        assertEquals(set("b1", "b2"), Graphs.replay(set("c"), plan));
    }

    @Test
    void stampingTwoSidesUpToTheMerge() {
        Plan plan = map.stamp(set("b1", "b2"), List.of("c"), false);
        assertEquals(List.of("delete b1", "update b2 c"), changes(plan));
        assertEquals(set("c"), plan.endHeads());
    }

    @Test
    void stampingARevisionTogetherWithItsAncestorIsRejected() {
        OverlappingRevisionsException e = assertThrows(OverlappingRevisionsException.class,
                () -> map.stamp(set(), List.of("a", "b1"), false));
        assertEquals("Requested revision a overlaps with other requested revisions b1: a is an ancestor of them. "
                + "Name only the newest revision of each branch.", e.getMessage());
    }

    @Test
    void versionTableWithARevisionAndItsAncestorIsRejected() {
        OverlappingRevisionsException e = assertThrows(OverlappingRevisionsException.class,
                () -> map.upgrade(set("a", "b1"), "heads"));
        assertEquals("a", e.revision());
        assertEquals(List.of("b1"), e.others());
    }
}
