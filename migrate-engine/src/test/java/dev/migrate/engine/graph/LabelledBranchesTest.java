package dev.migrate.engine.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.migrate.engine.graph.Graphs.assertUpgrade;
import static dev.migrate.engine.graph.Graphs.labelled;
import static dev.migrate.engine.graph.Graphs.map;
import static dev.migrate.engine.graph.Graphs.rev;
import static dev.migrate.engine.graph.Graphs.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Two labelled roots, a (abranch) -> b -> somelongername -> c and d -> e (ebranch) ->
 * someothername -> f: Alembic's LabeledBranchTest (tests/test_revision.py).
 */
class LabelledBranchesTest {
    private final RevisionMap map = map(labelled("a", "abranch"), rev("b", "a"), rev("somelongername", "b"),
            rev("c", "somelongername"), rev("d"), labelled("e", "ebranch", "d"), rev("someothername", "e"),
            rev("f", "someothername"));

    @Test
    void labelsCoverTheBranch() {
        assertEquals(set("abranch"), map.branchLabelsCovering("a"));
        assertEquals(set("abranch"), map.branchLabelsCovering("c"));
        assertEquals(set("ebranch"), map.branchLabelsCovering("d"));
        assertEquals(set("ebranch"), map.branchLabelsCovering("f"));
    }

    @Test
    void labelAtSyntax() {
        assertEquals(set("c"), map.resolve("abranch@head", set()));
        assertEquals(set("c"), map.resolve("abranch@heads", set()));
        assertEquals(set(), map.resolve("abranch@base", set()));
        assertEquals(set("f"), map.resolve("ebranch@head", set()));
        assertEquals(set("d"), map.resolve("ebranch@d", set()));
        assertEquals(set("e"), map.resolve("ebranch@ebranch", set()));
        assertEquals(set("a"), map.resolve("abranch", set()));
        assertEquals(set("e"), map.resolve("ebranch", set()));
        assertEquals(set("c", "f"), map.resolve("heads", set()));
    }

    @Test
    void prefixWithinABranch() {
        assertEquals(set("someothername"), map.resolve("ebranch@some", set()));
        assertEquals(set("somelongername"), map.resolve("abranch@some", set()));
        assertEquals("somelongername", map.get("somel").id());
    }

    @Test
    void ambiguousPrefixListsTheCandidates() {
        AmbiguousRevisionException e = assertThrows(AmbiguousRevisionException.class, () -> map.get("some"));
        assertEquals("Revision 'some' is ambiguous; it matches 2 revisions: somelongername, someothername. "
                + "Give more characters.", e.getMessage());
        assertEquals(List.of("somelongername", "someothername"), e.candidates());
    }

    @Test
    void shortPrefixes() {
        assertEquals("someothername", map.get("someo").id());
        assertEquals(set("someothername"), map.resolve("ebranch@so", set()));
        assertEquals("a", map.get("abr").id(), "a prefix of a branch label longer than 3 characters");
        AmbiguousRevisionException e = assertThrows(AmbiguousRevisionException.class, () -> map.get("s"));
        assertEquals(List.of("somelongername", "someothername"), e.candidates());
        assertThrows(UnknownRevisionException.class, () -> map.get("ebran_"));
    }

    @Test
    void dependencyReferencesAsAlembicRevisionWritesThem() {
        assertEquals("ebranch", map.dependencyReference("ebranch"));
        assertEquals("f", map.dependencyReference("ebranch@head"));
        assertEquals("someothername", map.dependencyReference("someo"));
        assertThrows(MultipleHeadsException.class, () -> map.dependencyReference("heads"));
        assertThrows(InvalidTargetException.class, () -> map.dependencyReference("base"));
    }

    @Test
    void prefixMatchingNothingOnTheBranch() {
        UnknownRevisionException e = assertThrows(UnknownRevisionException.class,
                () -> map.resolve("ebranch@sos", set()));
        assertEquals("Revision 'sos' not found: no revision id, prefix or branch label matches it (a prefix matches "
                + "only ids and labels longer than 3 characters). Run 'history' to list the revisions.", e.getMessage());
    }

    @Test
    void unknownRevision() {
        UnknownRevisionException e = assertThrows(UnknownRevisionException.class, () -> map.get("nothere"));
        assertEquals("Revision 'nothere' not found: no revision id, prefix or branch label matches it. "
                + "Run 'history' to list the revisions.", e.getMessage());
        assertEquals("nothere", e.argument());
    }

    @Test
    void unknownBranch() {
        UnknownBranchException e = assertThrows(UnknownBranchException.class,
                () -> map.resolve("nobranch@head", set()));
        assertEquals("No such branch: 'nobranch'. Known branch labels: abranch, ebranch.", e.getMessage());
    }

    @Test
    void revisionOutsideTheBranch() {
        NotInBranchException e = assertThrows(NotInBranchException.class, () -> map.resolve("ebranch@a", set()));
        assertEquals("Revision a is not a member of branch 'ebranch'. Drop the 'label@' part or name a revision "
                + "of that branch.", e.getMessage());
    }

    @Test
    void headWithTwoBranches() {
        MultipleHeadsException e = assertThrows(MultipleHeadsException.class, () -> map.resolve("head", set()));
        assertEquals("Multiple heads are present for target 'head': c, f. Use 'heads' to upgrade all of them, "
                + "or name one branch with 'label@head' or a revision id.", e.getMessage());
    }

    @Test
    void iterateBetweenNamedHeadsAndBases() {
        assertEquals(List.of("f", "someothername", "e", "d"), ids(map.history("ebranch@base:heads", set())));
        assertEquals(List.of("c", "somelongername", "b", "a"), ids(map.history("abranch@base:heads", set())));
        assertEquals(List.of("f", "someothername", "e", "d"), ids(map.history("base:ebranch@head", set())));
        assertEquals(List.of("c", "somelongername", "b", "a"), ids(map.history("base:abranch@head", set())));
        assertEquals(List.of("f"), ids(map.history("ebranch@head:heads", set())));
        assertEquals(List.of("f", "someothername", "e", "d"), ids(map.history("ebranch@d:heads", set())));
        assertEquals(List.of("f", "someothername", "e", "d"), ids(map.history("e@base:heads", set())));
        assertEquals(List.of("c", "somelongername", "b", "a"), ids(map.history("c@base:heads", set())));
    }

    @Test
    void relativeWithinABranch() {
        assertEquals(List.of("f", "someothername", "e"), ids(map.history("ebranch@-2:heads", set())));
        assertEquals(List.of("e", "d"), ids(map.history("base:ebranch@+2", set())));
    }

    @Test
    void upgradeOneBranch() {
        assertUpgrade(map, "ebranch@head", set(), List.of("up:d", "up:e", "up:someothername", "up:f"), set("f"));
        assertUpgrade(map, "ebranch@+1", set("c"), List.of("up:d"), set("c", "d"));
        assertUpgrade(map, "abranch@+1", set("b", "d"), List.of("up:somelongername"), set("somelongername", "d"));
        assertThrows(RelativeTargetException.class, () -> map.upgrade(set("c", "d"), "abranch@+1"));
    }

    @Test
    void labelUsedTwice() {
        DuplicateBranchLabelException e = assertThrows(DuplicateBranchLabelException.class,
                () -> map(rev("a"), rev("b", "a"), labelled("c", "xy1", "b"), rev("d"), labelled("e", "xy1", "d")));
        assertEquals("Branch label 'xy1' is used by revision e and already by revision c. "
                + "A label names one branch: remove it from one 'Branch Labels:' line.", e.getMessage());
        assertEquals("xy1", e.label());
    }

    @Test
    void labelWithTargetSyntaxIsRejected() {
        InvalidTargetException e = assertThrows(InvalidTargetException.class, () -> map(labelled("a", "x@y")));
        assertEquals("Branch label 'x@y' of revision a may contain only letters, digits and '_' "
                + "(the characters @ - + : are target syntax).", e.getMessage());
    }

    @Test
    void labelEqualToARevisionId() {
        assertThrows(DuplicateBranchLabelException.class, () -> map(rev("a"), labelled("b", "a", "a")));
    }

    /**
     * Alembic walks a label down from whichever descendant it visited last; when a merge lies
     * above the labelled revision it stops there and leaves the ancestors unlabelled. We always
     * walk down from the labelled revision itself.
     */
    @Test
    void labelCoversAncestorsEvenWhenAMergeFollowsUnlikeAlembic() {
        RevisionMap m = map(rev("r0"), rev("r1", "r0"), labelled("r2", "L2", "r1"), rev("r3", "r0"),
                rev("r4", "r3"), rev("r5", "r2", "r4"));
        assertEquals(set("L2"), m.branchLabelsCovering("r1"));
        assertEquals(set("L2"), m.branchLabelsCovering("r5"));
        assertEquals(set(), m.branchLabelsCovering("r0"));
        assertEquals(set(), m.branchLabelsCovering("r4"));
    }

    private static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }
}
