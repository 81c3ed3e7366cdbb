package dev.migrate.engine.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Alembic's HeadMaintainer: how the version table (one row per head) changes as each step of a
 * plan runs. A revision is a head when it is applied and nothing applied revises or depends on
 * it; a count of applied children per revision answers that in constant time per step. Where a
 * merge joins several rows, all but the last down revision (in 'Revises:' order) are deleted and
 * the last is updated; an unmerge inserts all but the last and updates the merge to the last.
 */
final class HeadMaintainer {
    private final Revision[] revs;
    private final int[][] normDown;
    private final LinkedHashSet<Integer> rows = new LinkedHashSet<>();
    private final int[] appliedChildren;

    /** {@code applied}: the start heads and all their ancestors, dependencies included. */
    HeadMaintainer(Revision[] revs, int[][] normDown, List<Integer> start, BitSet applied) {
        this.revs = revs;
        this.normDown = normDown;
        this.appliedChildren = new int[revs.length];
        rows.addAll(start);
        for (int a = applied.nextSetBit(0); a >= 0; a = applied.nextSetBit(a + 1)) {
            for (int d : normDown[a]) {
                appliedChildren[d]++;
            }
        }
    }

    List<VersionChange> upgrade(int r) {
        List<Integer> from = new ArrayList<>(2);
        for (int d : normDown[r]) {
            appliedChildren[d]++;
            if (rows.contains(d)) {
                from.add(d);
            }
        }
        List<VersionChange> changes = new ArrayList<>(from.size());
        if (from.isEmpty()) {
            changes.add(new VersionChange.Insert(revs[r].id()));
        } else {
            for (int k = 0; k < from.size() - 1; k++) {
                changes.add(new VersionChange.Delete(revs[from.get(k)].id()));
            }
            changes.add(new VersionChange.Update(revs[from.get(from.size() - 1)].id(), revs[r].id()));
        }
        from.forEach(rows::remove);
        rows.add(r);
        return changes;
    }

    List<VersionChange> downgrade(int r) {
        List<Integer> to = new ArrayList<>(2);
        for (int d : normDown[r]) {
            if (--appliedChildren[d] == 0 && !rows.contains(d)) {
                to.add(d);
            }
        }
        List<VersionChange> changes = new ArrayList<>(to.size());
        if (to.isEmpty()) {
            changes.add(new VersionChange.Delete(revs[r].id()));
        } else {
            for (int k = 0; k < to.size() - 1; k++) {
                changes.add(new VersionChange.Insert(revs[to.get(k)].id()));
            }
            changes.add(new VersionChange.Update(revs[r].id(), revs[to.get(to.size() - 1)].id()));
        }
        rows.remove(r);
        rows.addAll(to);
        return changes;
    }

    /** The current rows, in revision order. */
    List<Integer> rows() {
        List<Integer> sorted = new ArrayList<>(rows);
        Collections.sort(sorted);
        return sorted;
    }
}
