package dev.migrate.engine.graph;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.migrate.engine.graph.Graphs.map;
import static dev.migrate.engine.graph.Graphs.rev;
import static dev.migrate.engine.graph.Graphs.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Building errors and malformed targets on a small linear graph. */
class GraphErrorsTest {
    private final RevisionMap map = map(rev("3f2a9c1d8e7b"), rev("3f2b00000000", "3f2a9c1d8e7b"),
            rev("9c0b1a2d3e4f", "3f2b00000000"));

    @Test
    void missingDownRevisionNamesFileAndId() {
        MissingRevisionException e = assertThrows(MissingRevisionException.class,
                () -> RevisionMap.of(List.of(rev("3f2a9c1d8e7b", "000000000000")), id -> "versions/3f2a_add.sql"));
        assertEquals("Revision 3f2a9c1d8e7b (versions/3f2a_add.sql) revises 000000000000, which no revision file "
                + "defines. Fix the 'Revises:' line or restore the missing file.", e.getMessage());
        assertEquals("3f2a9c1d8e7b", e.revision());
        assertEquals("versions/3f2a_add.sql", e.origin());
        assertEquals(MissingRevisionException.Reference.REVISES, e.reference());
    }

    @Test
    void duplicateRevisionId() {
        DuplicateRevisionException e = assertThrows(DuplicateRevisionException.class,
                () -> map(rev("a"), rev("a")));
        assertEquals("Revision a is defined twice. Give one of them a new 'Revision ID:' (and update the "
                + "'Revises:' lines that point to it).", e.getMessage());
        assertEquals("Revision a is defined twice: in v/1.sql and in v/2.sql. Give one of them a new "
                        + "'Revision ID:' (and update the 'Revises:' lines that point to it).",
                new DuplicateRevisionException("a", "v/1.sql", "v/2.sql").getMessage());
    }

    @Test
    void idsWithTargetSyntaxAreRejected() {
        for (String bad : List.of("a@b", "a-b", "a+1", "a:b")) {
            InvalidRevisionIdException e = assertThrows(InvalidRevisionIdException.class, () -> rev(bad));
            assertEquals(bad, e.id());
        }
    }

    @Test
    void prefixesOfFourCharactersOrMore() {
        assertEquals("9c0b1a2d3e4f", map.get("9c0b").id());
        assertEquals(set("3f2a9c1d8e7b"), map.resolve("3f2a", set()));
        RevisionMap twins = map(rev("ab12cd000001"), rev("ab12ef000002", "ab12cd000001"), rev("ab1299", "ab12ef000002"));
        AmbiguousRevisionException e = assertThrows(AmbiguousRevisionException.class, () -> twins.get("ab12"));
        assertEquals("Revision 'ab12' is ambiguous; it matches 3 revisions: ab1299, ab12cd000001, ab12ef000002. "
                + "Give more characters.", e.getMessage());
        assertEquals("ab12", e.prefix());
    }

    @Test
    void shortUniquePrefixIsEnough() {
        assertEquals("9c0b1a2d3e4f", map.get("9c0").id());
        assertEquals("9c0b1a2d3e4f", map.get("9").id());
        assertEquals(set("3f2b00000000"), map.resolve("9c-1", set()));
    }

    @Test
    void ambiguousShortPrefixListsTheCandidates() {
        AmbiguousRevisionException e = assertThrows(AmbiguousRevisionException.class, () -> map.get("3f"));
        assertEquals("Revision '3f' is ambiguous; it matches 2 revisions: 3f2a9c1d8e7b, 3f2b00000000. "
                + "Give more characters.", e.getMessage());
        assertEquals(List.of("3f2a9c1d8e7b", "3f2b00000000"), e.candidates());
    }

    @Test
    void shortPrefixThatMatchesNothing() {
        UnknownRevisionException e = assertThrows(UnknownRevisionException.class, () -> map.get("9d"));
        assertEquals("Revision '9d' not found: no revision id, prefix or branch label matches it (a prefix matches "
                + "only ids and labels longer than 3 characters). Run 'history' to list the revisions.", e.getMessage());
    }

    @Test
    void findIsExactOnly() {
        assertTrue(map.find("9c0b1a2d3e4f").isPresent());
        assertTrue(map.find("9c0b").isEmpty());
    }

    @Test
    void rangesAreNotSingleTargets() {
        RangeNotAllowedException e = assertThrows(RangeNotAllowedException.class,
                () -> map.resolve("3f2a:9c0b", set()));
        assertEquals("Range '3f2a:9c0b' not allowed here: a range from:to is only for offline SQL (migrate.sql=true) and "
                + "history. Give one target, such as 'heads', 'base', a revision id, 'label@head' or '-1'.",
                e.getMessage());
        assertEquals("Range '3f2a:9c0b' not allowed here: a range from:to is only for offline SQL "
                + "(-Dmigrate.sql=true) and history. Give one target, such as 'heads', 'base', a revision id, "
                + "'label@head' or '-1'.", e.message(setting -> "-Dmigrate." + setting));
        assertEquals("3f2a", e.range().from().orElseThrow().text());
        assertEquals("9c0b", e.range().to().orElseThrow().text());
        assertThrows(RangeNotAllowedException.class, () -> map.upgrade(set("3f2a9c1d8e7b"), ":heads"));
        assertThrows(RangeNotAllowedException.class, () -> map.downgrade(set("9c0b1a2d3e4f"), "heads:base"));
        assertThrows(RangeNotAllowedException.class, () -> map.stamp(set(), List.of("3f2a:heads"), false));
    }

    @Test
    void emptyTarget() {
        InvalidTargetException e = assertThrows(InvalidTargetException.class, () -> map.upgrade(set(), " "));
        assertEquals("No target given: use 'heads', 'head', 'base', a revision id, 'label@head', '+N' or '-N'.",
                e.getMessage());
    }

    @Test
    void incompleteLabelTarget() {
        InvalidTargetException e = assertThrows(InvalidTargetException.class, () -> map.resolve("@head", set()));
        assertEquals("Target '@head' is incomplete: write 'label@head', 'label@base', 'label@<revision>' or "
                + "'label@+N'.", e.getMessage());
    }

    @Test
    void historyRangeNeedsAColon() {
        InvalidTargetException e = assertThrows(InvalidTargetException.class, () -> map.history("3f2a", set()));
        assertEquals("Range '3f2a' must be 'from:to', 'from:' or ':to'.", e.getMessage());
    }

    @Test
    void databaseAtAnUnknownRevision() {
        UnknownCurrentRevisionException e = assertThrows(UnknownCurrentRevisionException.class,
                () -> map.upgrade(Set.of("deadbeef0000"), "heads"));
        assertEquals("The database is at revision deadbeef0000, which no revision file defines. Restore the missing "
                + "revision file, or reset the version table with stamp and purge.", e.getMessage());
    }

    @Test
    void relativeStepThatWalksPastTheHead() {
        RelativeTargetException e = assertThrows(RelativeTargetException.class,
                () -> map.upgrade(set("3f2a9c1d8e7b"), "3f2b+2"));
        assertEquals("Relative target '3f2b+2' walks too far: there are fewer than 2 revisions above its start. "
                + "Use a smaller step, or 'heads' / 'base'.", e.getMessage());
    }

    @Test
    void relativeTargetsResolve() {
        assertEquals(set("3f2b00000000"), map.resolve("+1", set("3f2a9c1d8e7b")));
        assertEquals(set("3f2a9c1d8e7b"), map.resolve("-1", set("3f2b00000000")));
        assertEquals(set(), map.resolve("-1", set("3f2a9c1d8e7b")));
        assertEquals(set("3f2b00000000"), map.resolve("head-1", set()));
        assertEquals(set("9c0b1a2d3e4f"), map.resolve("3f2a+2", set()));
    }

    @Test
    void offlineRanges() {
        Planner planner = map.planner();
        assertEquals(List.of("up:3f2b00000000", "up:9c0b1a2d3e4f"),
                Graphs.steps(planner.upgrade(Range.parse("3f2a:head"))));
        assertEquals(List.of("up:3f2a9c1d8e7b"), Graphs.steps(planner.upgrade(Range.parse(":3f2a"))));
        assertEquals(List.of("up:3f2a9c1d8e7b"), Graphs.steps(planner.upgrade(Range.parseOffline("3f2a"))));
        assertEquals(List.of("down:9c0b1a2d3e4f", "down:3f2b00000000", "down:3f2a9c1d8e7b"),
                Graphs.steps(planner.downgrade(Range.parse("heads:base"))));
        assertEquals(List.of("down:9c0b1a2d3e4f"), Graphs.steps(planner.downgrade(Range.parse("heads:-1"))));
        assertEquals(List.of("up:3f2b00000000", "up:9c0b1a2d3e4f"), Graphs.steps(planner.upgrade(Range.parse("+1:"))));
        assertEquals(set("3f2a9c1d8e7b"), planner.upgrade(Range.parse("3f2a:head")).startHeads());
        assertEquals(List.of("update 3f2a9c1d8e7b 9c0b1a2d3e4f"),
                Graphs.changes(planner.stamp(List.of(Range.parse("3f2a:9c0b")), false)));
        InvalidTargetException noStart = assertThrows(InvalidTargetException.class,
                () -> planner.downgrade(Range.parseOffline("base")));
        assertEquals("An offline downgrade needs a range 'from:to', such as 'heads:base' or '<revision>:-1', since "
                + "no database says where it starts; 'base' has no start.", noStart.getMessage());
    }

    @Test
    void emptyGraph() {
        RevisionMap empty = RevisionMap.of(List.of());
        assertEquals(set(), empty.heads());
        assertEquals(List.of(), empty.revisions());
        assertEquals(List.of(), Graphs.steps(empty.upgrade(set(), "heads")));
        assertEquals(List.of(), Graphs.steps(empty.downgrade(set(), "base")));
    }
}
