package dev.migrate.engine.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.migrate.engine.graph.Graphs.dependent;
import static dev.migrate.engine.graph.Graphs.map;
import static dev.migrate.engine.graph.Graphs.rev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Graphs that are not acyclic: Alembic's GraphWithLoopTest and GraphWithCycleTest (tests/test_revision.py). */
class GraphWithCycleTest {

    @Test
    void simpleCycle() {
        CycleDetectedException e = assertThrows(CycleDetectedException.class,
                () -> map(rev("a", "c"), rev("b", "a"), rev("c", "b")));
        assertEquals("Revisions a, b, c revise each other in a cycle. Fix the 'Revises:' lines so that every "
                + "revision comes after the ones it names.", e.getMessage());
        assertEquals(CycleDetectedException.Shape.CYCLE, e.shape());
        assertEquals(List.of("a", "b", "c"), e.revisions());
    }

    @Test
    void cycleNextToAGoodBranch() {
        CycleDetectedException e = assertThrows(CycleDetectedException.class,
                () -> map(rev("a", "c"), rev("b", "a"), rev("c", "b"), rev("d"), rev("e", "d")));
        assertEquals(List.of("a", "b", "c"), e.revisions());
    }

    /** Alembic lists every revision it cannot reach (here also d and e); we list the cycle itself. */
    @Test
    void cycleBelowOtherRevisionsListsOnlyTheCycleUnlikeAlembic() {
        CycleDetectedException below = assertThrows(CycleDetectedException.class,
                () -> map(rev("a", "c"), rev("b", "a"), rev("c", "b"), rev("d", "c"), rev("e", "d")));
        assertEquals(List.of("a", "b", "c"), below.revisions());
        CycleDetectedException above = assertThrows(CycleDetectedException.class,
                () -> map(rev("a"), rev("b", "a"), rev("c", "b", "e"), rev("d", "c"), rev("e", "d")));
        assertEquals(List.of("c", "d", "e"), above.revisions());
    }

    @Test
    void dependencyCycle() {
        CycleDetectedException e = assertThrows(CycleDetectedException.class,
                () -> map(dependent("a", List.of("c")), rev("b", "a"), rev("c", "b")));
        assertEquals("Revisions a, b, c depend on each other in a cycle. Fix the 'Depends On:' lines so that every "
                + "revision comes after the ones it names.", e.getMessage());
        assertEquals(CycleDetectedException.Shape.DEPENDENCY_CYCLE, e.shape());
    }

    @Test
    void selfLoop() {
        CycleDetectedException e = assertThrows(CycleDetectedException.class,
                () -> RevisionMap.of(List.of(rev("a"), rev("b", "a", "b")), id -> "versions/" + id + ".sql"));
        assertEquals("Revision b (versions/b.sql) revises itself. Fix the 'Revises:' line so that every revision "
                + "comes after the ones it names.", e.getMessage());
        assertEquals(CycleDetectedException.Shape.SELF_LOOP, e.shape());
    }

    @Test
    void dependencySelfLoop() {
        CycleDetectedException e = assertThrows(CycleDetectedException.class,
                () -> map(rev("a"), dependent("b", List.of("b"), "a")));
        assertEquals("Revision b depends on itself. Fix the 'Depends On:' line so that every revision comes after "
                + "the ones it names.", e.getMessage());
        assertEquals(CycleDetectedException.Shape.DEPENDENCY_SELF_LOOP, e.shape());
    }
}
