package dev.migrate.engine.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.migrate.engine.graph.Graphs.assertDowngrade;
import static dev.migrate.engine.graph.Graphs.assertUpgrade;
import static dev.migrate.engine.graph.Graphs.changes;
import static dev.migrate.engine.graph.Graphs.labelled;
import static dev.migrate.engine.graph.Graphs.map;
import static dev.migrate.engine.graph.Graphs.rev;
import static dev.migrate.engine.graph.Graphs.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * a -> b, which forks into c1 -> d1 (label c1branch) and c2 -> d2 (label c2branch): Alembic's
 * BranchedPathTest (tests/test_version_traversal.py).
 */
class ForkTest {
    private final RevisionMap map = map(rev("a"), rev("b", "a"), labelled("c1", "c1branch", "b"), rev("d1", "c1"),
            labelled("c2", "c2branch", "b"), rev("d2", "c2"));

    @Test
    void shape() {
        assertEquals(set("d1", "d2"), map.heads());
        assertEquals(set("a"), map.bases());
        assertEquals(set("b"), map.branchPoints());
        assertEquals(set("c1", "c2"), map.children("b"));
        assertEquals(set("c1branch"), map.branchLabelsCovering("d1"));
        assertEquals(set(), map.branchLabelsCovering("b"));
    }

    @Test
    void headWithTwoHeadsIsRejected() {
        MultipleHeadsException e = assertThrows(MultipleHeadsException.class, () -> map.upgrade(set(), "head"));
        assertEquals("Multiple heads are present for target 'head': d1, d2. Use 'heads' to upgrade all of them, "
                + "or name one branch with 'label@head' or a revision id.", e.getMessage());
        assertEquals(List.of("d1", "d2"), e.heads());
        assertEquals("head", e.argument());
    }

    @Test
    void upgradeSingleBranch() {
        assertUpgrade(map, "d1", set("b"), List.of("up:c1", "up:d1"), set("d1"));
    }

    @Test
    void upgradeToBothBranches() {
        assertUpgrade(map, "heads", set("a"), List.of("up:b", "up:c2", "up:d2", "up:c1", "up:d1"), set("d1", "d2"));
        assertEquals(List.of("update a b", "update b c2", "update c2 d2", "insert c1", "update c1 d1"),
                changes(map.upgrade(set("a"), "heads")));
    }

    @Test
    void downgradeBothBranches() {
        assertDowngrade(map, "a", set("d1", "d2"), List.of("down:d1", "down:c1", "down:d2", "down:c2", "down:b"),
                set("a"));
        assertEquals(List.of("update d1 c1", "delete c1", "update d2 c2", "update c2 b", "update b a"),
                changes(map.downgrade(set("d1", "d2"), "a")));
    }

    @Test
    void relativeToALabelledHead() {
        assertUpgrade(map, "c2branch@head-1", set("b"), List.of("up:c2"), set("c2"));
        assertDowngrade(map, "c1branch@head-1", set("d1", "d2"), List.of("down:d1"), set("c1", "d2"));
    }

    @Test
    void relativeToBase() {
        assertDowngrade(map, "base+2", set("d2", "d1"), List.of("down:d1", "down:c1", "down:d2", "down:c2"), set("b"));
        assertDowngrade(map, "c2branch@base+2", set("d2", "d1"), List.of("down:d2", "down:c2"), set("d1"));
        assertDowngrade(map, "c2branch@base+3", set("d2", "d1"), List.of("down:d2"), set("d1", "c2"));
        assertDowngrade(map, "c2", set("d2", "d1"), List.of("down:d2"), set("d1", "c2"));
        assertUpgrade(map, "base+1", set(), List.of("up:a"), set("a"));
        assertUpgrade(map, "+1", set(), List.of("up:a"), set("a"));
    }

    @Test
    void labelledRelativeDowngrade() {
        assertDowngrade(map, "c1branch@-1", set("d1", "d2"), List.of("down:d1"), set("c1", "d2"));
        assertDowngrade(map, "d2-1", set("d2", "c1"), List.of("down:d2"), set("c1", "c2"));
    }

    /**
     * Alembic warns and walks down from whichever row the version table returns first, which is
     * arbitrary; we refuse and ask for a branch.
     */
    @Test
    void downgradeMinusOneFromSeveralHeadsIsRejectedWhereAlembicPicksTheFirstRow() {
        RelativeTargetException e = assertThrows(RelativeTargetException.class,
                () -> map.downgrade(set("d2", "d1"), "-1"));
        assertEquals("Relative target '-1' is ambiguous: the database has several heads (d1, d2). "
                + "Name one with 'label@-1' or '<revision>-1'.", e.getMessage());
        assertDowngrade(map, "-1", set("a"), List.of("down:a"), set());
    }

    @Test
    void downgradeOneBranchNamedByLabelOrRevision() {
        assertDowngrade(map, "c1branch@b", set("c1", "d2"), List.of("down:c1"), set("d2"));
        assertDowngrade(map, "c2branch@b", set("c1", "d2"), List.of("down:d2", "down:c2"), set("c1"));
        assertDowngrade(map, "c2@b", set("d1", "d2"), List.of("down:d2", "down:c2"), set("d1"));
        assertDowngrade(map, "d1@b", set("d1", "d2"), List.of("down:d1", "down:c1"), set("d2"));
    }

    @Test
    void upgradeOneBranchRelatively() {
        assertUpgrade(map, "c2branch@+1", set("c1"), List.of("up:c2"), set("c1", "c2"));
        assertUpgrade(map, "c2branch@+1", set("c1", "c2"), List.of("up:d2"), set("c1", "d2"));
    }

    @Test
    void plusOneFromTwoHeadsIsAmbiguous() {
        RelativeTargetException e = assertThrows(RelativeTargetException.class,
                () -> map.upgrade(set("c1", "c2"), "+1"));
        assertEquals("Relative target '+1' is ambiguous: the database has several heads (c1, c2). "
                + "Name a branch with 'label@+1', or give a revision id.", e.getMessage());
    }

    @Test
    void plusOneAtABranchPointIsAmbiguous() {
        RelativeTargetException e = assertThrows(RelativeTargetException.class, () -> map.upgrade(set("b"), "+1"));
        assertEquals("Relative target '+1' is ambiguous: revision b is followed by 2 revisions (c1, c2). "
                + "Name a branch with 'label@+1', or give a revision id.", e.getMessage());
    }

    /**
     * Alembic drops the label of an absolute downgrade target and resolves plain 'head', which
     * fails with two heads; we resolve the whole 'label@head'.
     */
    @Test
    void downgradeToALabelledHeadKeepsTheLabelUnlikeAlembic() {
        assertDowngrade(map, "c1branch@head", set("d1", "d2"), List.of(), set("d1", "d2"));
        assertDowngrade(map, "c2branch@c2", set("d1", "d2"), List.of("down:d2"), set("d1", "c2"));
    }

    @Test
    void downgradeToACurrentHeadDoesNothing() {
        assertDowngrade(map, "c2", set("d1", "c2"), List.of(), set("d1", "c2"));
        assertDowngrade(map, "d1", set("d1", "c2"), List.of(), set("d1", "c2"));
    }

    @Test
    void stampDownAcrossBothBranchesToTheBranchPoint() {
        Plan plan = map.stamp(set("d1", "c2"), List.of("b"), false);
        assertEquals(List.of("delete d1", "update c2 b"), changes(plan));
        assertEquals(set("b"), plan.endHeads());
    }

    @Test
    void stampToALabelledBaseRemovesOnlyThatBranch() {
        Plan plan = map.stamp(set("d1", "c2"), List.of("c1branch@base"), false);
        assertEquals(List.of("delete d1"), changes(plan));
        assertEquals(set("c2"), plan.endHeads());
    }

    @Test
    void stampToALabelledHeadMovesOnlyThatBranch() {
        Plan plan = map.stamp(set("d1", "c2"), List.of("c2branch@head"), false);
        assertEquals(List.of("update c2 d2"), changes(plan));
        assertEquals(set("d1", "d2"), plan.endHeads());
    }

    @Test
    void stampBothBranchesToHeads() {
        Plan plan = map.stamp(set("c1", "c2"), List.of("heads"), false);
        assertEquals(List.of("update c1 d1", "update c2 d2"), changes(plan));
        assertEquals(set("d1", "d2"), plan.endHeads());
    }

    /**
     * Alembic moves every head of the target's lineage into the first target it stamps, so b2,
     * already a head, is deleted while c is stamped; we move only the heads on each target's line.
     */
    @Test
    void stampToHeadsKeepsAHeadThatIsAlreadyCurrentWhereAlembicDeletesIt() {
        RevisionMap fork = map(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("c", "b1"));
        Plan plan = fork.stamp(set("b1", "b2"), List.of("heads"), false);
        assertEquals(List.of("update b1 c"), changes(plan));
        assertEquals(set("b2", "c"), plan.endHeads());
    }

    @Test
    void stampAnotherBranchInsertsItsHead() {
        Plan plan = map.stamp(set("d1"), List.of("c2branch@head"), false);
        assertEquals(List.of("insert d2"), changes(plan));
        assertEquals(set("d1", "d2"), plan.endHeads());
    }

    @Test
    void historyListsBranchesNewestFirst() {
        assertEquals(List.of("d1", "c1", "d2", "c2", "b", "a"),
                map.history(null, set()).stream().map(Revision::id).toList());
        assertEquals(List.of("a", "b", "c2", "d2", "c1", "d1"), map.revisions().stream().map(Revision::id).toList());
    }
}
