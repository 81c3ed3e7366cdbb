package dev.migrate.engine.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.migrate.engine.graph.Graphs.assertDowngrade;
import static dev.migrate.engine.graph.Graphs.assertUpgrade;
import static dev.migrate.engine.graph.Graphs.changes;
import static dev.migrate.engine.graph.Graphs.dependent;
import static dev.migrate.engine.graph.Graphs.labelled;
import static dev.migrate.engine.graph.Graphs.map;
import static dev.migrate.engine.graph.Graphs.rev;
import static dev.migrate.engine.graph.Graphs.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** 'Depends On:' across branches: Alembic's DependsOnBranchTest* (tests/test_version_traversal.py). */
class CrossBranchDependencyTest {

    private final RevisionMap one = map(labelled("a1", "lib1"), rev("b1", "a1"), rev("c1", "b1"), rev("a2"),
            rev("b2", "a2"), dependent("c2", List.of("c1"), "b2"), rev("d1", "c1"), rev("e1", "d1"), rev("f1", "e1"));

    @Test
    void aRevisionSomethingDependsOnIsNotARealHead() {
        RevisionMap map = map(rev("a"), rev("x"), dependent("y", List.of("a"), "x"));
        assertEquals(set("y"), map.heads());
        assertEquals(set("a", "x"), map.bases());
        assertEquals(set("a", "y"), map.versionHeads(), "a is an effective head, as alembic heads lists it");
    }

    /**
     * Alembic 1.8.1, {@code upgrade billing@head} then {@code current}: the rows hold only f6 (d4
     * was updated to f6), yet current shows d4 too, the end of the auth branch as applied so far.
     */
    @Test
    void currentShowsADependedOnRevisionAtTheEndOfItsBranchThoughItHasNoRow() {
        RevisionMap map = map(rev("a1"), labelled("d4", "auth", "a1"), rev("e5", "d4"), dependent("f6", List.of("d4"), "a1"));
        Plan plan = map.upgrade(set(), "f6");
        assertEquals(set("f6"), plan.endHeads());
        assertEquals(set("d4", "f6"), map.appliedBranchHeads(plan.endHeads()));
        assertEquals(set("e5", "f6"), map.appliedBranchHeads(set("e5", "f6")));
        assertEquals(set(), map.appliedBranchHeads(set()));
    }

    @Test
    void downgradeToTheDependency() {
        assertDowngrade(one, "c1", set("c2", "d1"), List.of("down:d1"), set("c2"));
        assertEquals(List.of("delete d1"), changes(one.downgrade(set("c2", "d1"), "c1")));
    }

    @Test
    void stampAcrossDependency() {
        Plan plan = one.stamp(set("e1", "c2"), List.of("b1"), false);
        assertEquals(set("b1"), plan.endHeads());
        assertEquals(List.of("delete c2", "update e1 b1"), changes(plan));
    }

    @Test
    void upgradePullsInTheDependency() {
        assertUpgrade(one, "c2", set("a2"), List.of("up:a1", "up:b1", "up:c1", "up:b2", "up:c2"), set("c2"));
    }

    @Test
    void dependsOnABranchLabel() {
        RevisionMap map = map(labelled("a1", "lib1"), rev("b1", "a1"), labelled("c1", "c1lib", "b1"), rev("a2"),
                rev("b2", "a2"), dependent("c2", List.of("c1lib"), "b2"), rev("d1", "c1"), rev("e1", "d1"),
                rev("f1", "e1"));
        assertUpgrade(map, "c2", set("a2"), List.of("up:a1", "up:b1", "up:c1", "up:b2", "up:c2"), set("c2"));
    }

    private final RevisionMap kaboom = map(rev("a1"), rev("a2"), rev("a3"), rev("amerge", "a1", "a2", "a3"), rev("b1"),
            rev("b2"), rev("bmerge", "b1", "b2"), rev("c1"), rev("c2"), rev("c3"), rev("cmerge", "c1", "c2", "c3"),
            dependent("d1", List.of("a3", "b2", "c1")));

    @Test
    void downgradeOneMergeWhileADependentImpliesItsParent() {
        assertDowngrade(kaboom, "b2", set("amerge", "bmerge", "cmerge", "d1"), List.of("down:bmerge"),
                set("amerge", "b1", "cmerge", "d1"));
    }

    @Test
    void downgradeADependentReinsertsWhatItImplied() {
        assertDowngrade(kaboom, "d1@base", set("amerge", "d1", "b1", "cmerge"), List.of("down:d1"),
                set("amerge", "b1", "b2", "cmerge"));
    }

    @Test
    void downgradeEverythingToBase() {
        assertDowngrade(kaboom, "base", set("amerge", "b1", "b2", "cmerge"), List.of("down:amerge", "down:a1",
                "down:b1", "down:b2", "down:cmerge", "down:c1", "down:a2", "down:a3", "down:c2", "down:c3"), set());
    }

    @Test
    void upgradeEverything() {
        assertUpgrade(kaboom, "heads", set(), List.of("up:c3", "up:c2", "up:b2", "up:a3", "up:a2", "up:c1", "up:d1",
                "up:cmerge", "up:b1", "up:bmerge", "up:a1", "up:amerge"), set("amerge", "bmerge", "cmerge", "d1"));
    }

    @Test
    void downgradeOverCrissCross() {
        RevisionMap map = map(rev("a1"), rev("a2", "a1"), rev("b1"), dependent("b2", List.of("a2"), "b1"),
                rev("b3", "b2"), dependent("a3", List.of("b1"), "a2"));
        assertDowngrade(map, "b1", set("a3", "b2"), List.of("down:b2"), set("a3"));
    }

    @Test
    void dependsOnItsOwnDownRevision() {
        RevisionMap map = map(rev("a1"), dependent("a2", List.of("a1"), "a1"));
        assertUpgrade(map, "a2", set(), List.of("up:a1", "up:a2"), set("a2"));
        assertDowngrade(map, "a1", set("a2"), List.of("down:a2"), set("a1"));
    }

    @Test
    void dependenciesAreNormalized() {
        RevisionMap map = map(rev("a1"), rev("a2", "a1"), rev("a3", "a2"), rev("b1"),
                dependent("b2", List.of("a3"), "b1"), rev("b3", "b2"), dependent("b4", List.of("a3"), "b3"));
        assertDowngrade(map, "b3", set("b4"), List.of("down:b4"), set("b3"));
    }

    @Test
    void mergeOfARevisionAndItsDependent() {
        RevisionMap map = map(rev("a1"), dependent("b1", List.of("a1")), rev("bmerge", "a1", "b1"));
        assertUpgrade(map, "b1", set("a1"), List.of("up:b1"), set("b1"));
        assertUpgrade(map, "bmerge", set("b1"), List.of("up:bmerge"), set("bmerge"));
        assertDowngrade(map, "a1", set("bmerge"), List.of("down:bmerge"), set("b1"));
        assertDowngrade(map, "b1", set("bmerge"), List.of("down:bmerge"), set("b1"));
    }

    private final RevisionMap crossed = map(rev("a"), rev("b", "a"), labelled("c1", "c1branch", "b"), rev("d1", "c1"),
            labelled("c2", "c2branch", "b"), dependent("d2", List.of("c1"), "c2"));

    @Test
    void downgradeTheIndependentBranch() {
        assertDowngrade(crossed, "c2branch@b", set("d1", "d2"), List.of("down:d2", "down:c2"), set("d1"));
    }

    @Test
    void downgradeABranchAlsoRemovesItsDependents() {
        assertDowngrade(crossed, "c1branch@b", set("d1", "d2"), List.of("down:d1", "down:d2", "down:c1"), set("c2"));
    }

    @Test
    void missingDependencyNamesTheFile() {
        MissingRevisionException e = assertThrows(MissingRevisionException.class,
                () -> RevisionMap.of(List.of(rev("a"), dependent("b", List.of("zzzz"), "a")), id -> id + ".sql"));
        assertEquals("Revision b (b.sql) depends on zzzz, which no revision file defines. "
                + "Fix the 'Depends On:' line or restore the missing file.", e.getMessage());
        assertEquals(MissingRevisionException.Reference.DEPENDS_ON, e.reference());
        assertEquals("zzzz", e.missing());
    }
}
