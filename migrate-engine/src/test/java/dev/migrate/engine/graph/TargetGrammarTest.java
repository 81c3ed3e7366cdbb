package dev.migrate.engine.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.migrate.engine.graph.Graphs.assertDowngrade;
import static dev.migrate.engine.graph.Graphs.assertUpgrade;
import static dev.migrate.engine.graph.Graphs.labelled;
import static dev.migrate.engine.graph.Graphs.map;
import static dev.migrate.engine.graph.Graphs.rev;
import static dev.migrate.engine.graph.Graphs.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every target form on the labelled fork a -> b -> {c1 -> d1 (c1branch), c2 -> d2 (c2branch)};
 * the answers are Alembic's for the same graph and current heads.
 */
class TargetGrammarTest {
    private final RevisionMap map = map(rev("a"), rev("b", "a"), labelled("c1", "c1branch", "b"), rev("d1", "c1"),
            labelled("c2", "c2branch", "b"), rev("d2", "c2"));

    @Test
    void labelledHeadMinusTwo() {
        assertDowngrade(map, "c1branch@head-2", set("d1", "d2"), List.of("down:d1", "down:c1"), set("d2"));
    }

    @Test
    void revisionMinusSteps() {
        assertUpgrade(map, "d1-2", set("a"), List.of("up:b"), set("b"));
    }

    @Test
    void labelledPlusSteps() {
        assertUpgrade(map, "c2branch@+2", set(), List.of("up:a", "up:b"), set("b"));
        assertUpgrade(map, "c2branch@+2", set("c1"), List.of("up:c2", "up:d2"), set("c1", "d2"));
    }

    @Test
    void labelledMinusSteps() {
        assertDowngrade(map, "c2branch@-2", set("d1", "d2"), List.of("down:d2", "down:c2"), set("d1"));
    }

    @Test
    void labelledHeadAndHeads() {
        assertUpgrade(map, "c1branch@head", set("b"), List.of("up:c1", "up:d1"), set("d1"));
        assertUpgrade(map, "c1branch@heads", set("b"), List.of("up:c1", "up:d1"), set("d1"));
    }

    @Test
    void labelledBasePlusSteps() {
        assertUpgrade(map, "c1branch@base+3", set(), List.of("up:a", "up:b", "up:c1"), set("c1"));
    }

    @Test
    void labelledBaseDropsTheWholeLineageFromItsBase() {
        assertDowngrade(map, "c1branch@base", set("d1", "d2"),
                List.of("down:d1", "down:c1", "down:d2", "down:c2", "down:b", "down:a"), set());
    }

    @Test
    void headsFromOneBranch() {
        assertUpgrade(map, "heads", set("d1"), List.of("up:c2", "up:d2"), set("d1", "d2"));
    }

    @Test
    void plusStepsAcrossABranchPointAreAmbiguous() {
        assertEquals("Relative target 'b+1' is ambiguous: revision b is followed by 2 revisions (c1, c2). "
                        + "Name a branch with 'label@+1', or give a revision id.",
                assertThrows(RelativeTargetException.class, () -> map.downgrade(set("d1", "d2"), "b+1")).getMessage());
        assertThrows(RelativeTargetException.class, () -> map.upgrade(set("a"), "b+2"));
    }

    @Test
    void headMinusStepsWithTwoHeads() {
        MultipleHeadsException e = assertThrows(MultipleHeadsException.class,
                () -> map.downgrade(set("d1", "d2"), "head-1"));
        assertEquals(List.of("d1", "d2"), e.heads());
    }

    @Test
    void tooLargeStep() {
        InvalidTargetException e = assertThrows(InvalidTargetException.class,
                () -> map.upgrade(set(), "+99999999999"));
        assertEquals("Relative target '+99999999999' has too large a step.", e.getMessage());
    }
}
