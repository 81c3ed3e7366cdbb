package dev.migrate.engine.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Literal graphs for the shape tests, and assertions on plans in Alembic's terms. */
final class Graphs {
    private Graphs() {
    }

    /** A revision: {@code rev("c", "a", "b")} revises a and b. */
    static Revision rev(String id, String... downRevisions) {
        return Revision.of(id, downRevisions);
    }

    static Revision labelled(String id, String label, String... downRevisions) {
        return new Revision(id, List.of(downRevisions), List.of(), Set.of(label));
    }

    static Revision dependent(String id, List<String> dependsOn, String... downRevisions) {
        return new Revision(id, List.of(downRevisions), dependsOn, Set.of());
    }

    static RevisionMap map(Revision... revisions) {
        return RevisionMap.of(Arrays.asList(revisions));
    }

    static Set<String> set(String... ids) {
        return new LinkedHashSet<>(Arrays.asList(ids));
    }

    /** Steps as Alembic's test suite writes them: "up:b", "down:c". */
    static List<String> steps(Plan plan) {
        List<String> out = new ArrayList<>();
        for (Step s : plan.steps()) {
            out.add((s.direction() == Direction.UPGRADE ? "up:" : "down:") + s.revision().id());
        }
        return out;
    }

    /** Version-table changes of every step, in order: "insert a", "update a b", "delete b". */
    static List<String> changes(Plan plan) {
        List<String> out = new ArrayList<>();
        for (Step s : plan.steps()) {
            s.versionChanges().forEach(c -> out.add(describe(c)));
        }
        plan.stampChanges().forEach(c -> out.add(describe(c)));
        return out;
    }

    static String describe(VersionChange c) {
        if (c instanceof VersionChange.Insert i) {
            return "insert " + i.version();
        }
        if (c instanceof VersionChange.Update u) {
            return "update " + u.from() + " " + u.to();
        }
        return "delete " + ((VersionChange.Delete) c).version();
    }

    static void assertUpgrade(RevisionMap map, String target, Set<String> from, List<String> steps, Set<String> heads) {
        Plan plan = map.upgrade(from, target);
        assertEquals(steps, steps(plan), "steps of upgrade " + from + " -> " + target);
        assertEquals(heads, plan.endHeads(), "heads after upgrade " + from + " -> " + target);
        assertEquals(heads, replay(from, plan), "version changes replayed");
    }

    static void assertDowngrade(RevisionMap map, String target, Set<String> from, List<String> steps, Set<String> heads) {
        Plan plan = map.downgrade(from, target);
        assertEquals(steps, steps(plan), "steps of downgrade " + from + " -> " + target);
        assertEquals(heads, plan.endHeads(), "heads after downgrade " + from + " -> " + target);
        assertEquals(heads, replay(from, plan), "version changes replayed");
    }

    /**
     * Applies the version changes to a version table holding {@code start}, failing as the
     * database would when an UPDATE or DELETE does not match exactly one row.
     */
    static Set<String> replay(Set<String> start, Plan plan) {
        Set<String> rows = new LinkedHashSet<>(start);
        List<VersionChange> all = new ArrayList<>();
        plan.steps().forEach(s -> all.addAll(s.versionChanges()));
        all.addAll(plan.stampChanges());
        for (VersionChange c : all) {
            if (c instanceof VersionChange.Insert i) {
                if (!rows.add(i.version())) {
                    throw new AssertionError("duplicate insert of " + i.version() + " into " + rows);
                }
            } else if (c instanceof VersionChange.Update u) {
                if (!rows.remove(u.from()) || !rows.add(u.to())) {
                    throw new AssertionError("update " + u.from() + " -> " + u.to() + " does not fit " + rows);
                }
            } else {
                String v = ((VersionChange.Delete) c).version();
                if (!rows.remove(v)) {
                    throw new AssertionError("delete of " + v + " matches no row in " + rows);
                }
            }
        }
        return rows;
    }
}
