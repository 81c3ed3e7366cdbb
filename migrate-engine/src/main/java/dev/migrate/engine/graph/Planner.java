package dev.migrate.engine.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The plans of a {@link RevisionMap}: which revisions an upgrade, downgrade or stamp runs, in
 * Alembic's order, each with its version-table changes, and which revisions history lists. An
 * online plan takes one {@link Target} and the database's current heads; an offline one takes a
 * {@link Range} whose start stands in for the database. Every plan is linear in the size of the
 * graph.
 */
public final class Planner {
    private final RevisionMap map;
    private final TargetResolver resolver;
    private final Revision[] revs;

    Planner(RevisionMap map) {
        this.map = map;
        this.resolver = map.resolver;
        this.revs = map.revs;
    }

    /** The steps that upgrade a database at {@code currentHeads} to {@code target}, oldest first. */
    public Plan upgrade(Set<String> currentHeads, Target target) {
        return upgrade(map.currentIndexes(currentHeads), null, target);
    }

    /**
     * The steps of an offline upgrade script from the range's start (default base) to its end
     * (default heads), oldest first.
     */
    public Plan upgrade(Range range) {
        Target from = range.from().orElse(null);
        Target to = range.to().orElseGet(() -> Target.parse("heads"));
        return upgrade(from == null ? List.of() : start(from), from, to);
    }

    private Plan upgrade(List<Integer> current, Target lower, Target upper) {
        List<Integer> targets = revisionsOnly(resolver.upgradeTarget(current, upper, true));
        BitSet needs = collectUpgrade(targets, lower == null ? null : lower.branchOrNull(), current, false, true);
        int[] order = map.ordering.sort(needs, targets);
        HeadMaintainer tracker = new HeadMaintainer(revs, map.normDown, current,
                Edges.closure(current, map.normDown, true));
        List<Step> steps = new ArrayList<>(order.length);
        for (int k = order.length - 1; k >= 0; k--) {
            int r = order[k];
            steps.add(new Step(revs[r], Direction.UPGRADE, tracker.upgrade(r)));
        }
        return Plan.of(map.idSet(current), map.idSet(tracker.rows()), steps);
    }

    /** The steps that downgrade a database at {@code currentHeads} to {@code target}, newest first. */
    public Plan downgrade(Set<String> currentHeads, Target target) {
        return downgrade(map.currentIndexes(currentHeads), target);
    }

    /**
     * The steps of an offline downgrade script from the range's start (required: no database says
     * where it starts) to its end (default base), newest first.
     */
    public Plan downgrade(Range range) {
        Target from = range.from().orElseThrow(() -> new InvalidTargetException(range.text(),
                "An offline downgrade needs a range 'from:to', such as 'heads:base' or '<revision>:-1', since no "
                        + "database says where it starts; '" + range.text() + "' has no start."));
        return downgrade(start(from), range.to().orElseGet(() -> Target.parse("base")));
    }

    private Plan downgrade(List<Integer> current, Target target) {
        BitSet drop = collectDowngrade(current, target);
        int[] order = map.ordering.sort(drop, current);
        HeadMaintainer tracker = new HeadMaintainer(revs, map.normDown, current,
                Edges.closure(current, map.normDown, true));
        List<Step> steps = new ArrayList<>(order.length);
        for (int r : order) {
            steps.add(new Step(revs[r], Direction.DOWNGRADE, tracker.downgrade(r)));
        }
        return Plan.of(map.idSet(current), map.idSet(tracker.rows()), steps);
    }

    /** The revisions the start of a range names, standing in for the database's heads. */
    private List<Integer> start(Target from) {
        return revisionsOnly(resolver.resolve(from, List.of()));
    }

    /**
     * Moves the version table to {@code targets} without running anything. Each target replaces
     * the current heads on its line of descent (ancestors or descendants, dependencies included),
     * or is inserted next to them; {@code base} and {@code label@base} delete the heads of their
     * lineage; other heads stay. {@code purge} first deletes every current head, even ones no
     * revision defines. Unlike Alembic, several targets below one head, or a target that is
     * already a head among others, give one row per target instead of a crash or a lost row.
     */
    public Plan stamp(Set<String> currentHeads, List<Target> targets, boolean purge) {
        List<VersionChange> changes = new ArrayList<>();
        List<Integer> current;
        if (purge) {
            currentHeads.stream().sorted().forEach(h -> changes.add(new VersionChange.Delete(h)));
            current = List.of();
        } else {
            current = map.currentIndexes(currentHeads);
        }
        List<Target> wanted = targets.isEmpty() ? List.of(Target.parse("base")) : targets;
        LinkedHashSet<Integer> dests = new LinkedHashSet<>();
        BitSet toBase = new BitSet();
        for (Target target : wanted) {
            List<Integer> found = revisionsOnly(resolver.resolve(target, current));
            if (found.isEmpty()) {
                toBase.or(headsSharingLineage(current, target));
            }
            dests.addAll(found);
        }
        checkOverlap(new ArrayList<>(dests));
        LinkedHashSet<Integer> rows = new LinkedHashSet<>(current);
        for (int t : dests) {
            if (rows.contains(t)) {
                continue;
            }
            BitSet line = map.lineage(List.of(t), true);
            List<Integer> related = new ArrayList<>();
            for (int h : current) {
                if (rows.contains(h) && !dests.contains(h) && line.get(h)) {
                    related.add(h);
                }
            }
            if (related.isEmpty()) {
                changes.add(new VersionChange.Insert(revs[t].id()));
            } else {
                for (int k = 0; k < related.size() - 1; k++) {
                    changes.add(new VersionChange.Delete(revs[related.get(k)].id()));
                }
                changes.add(new VersionChange.Update(revs[related.get(related.size() - 1)].id(), revs[t].id()));
                rows.removeAll(related);
            }
            rows.add(t);
        }
        for (int h : current) {
            if (toBase.get(h) && rows.contains(h) && !dests.contains(h)) {
                changes.add(new VersionChange.Delete(revs[h].id()));
                rows.remove(h);
            }
        }
        List<Integer> end = new ArrayList<>(rows);
        Collections.sort(end);
        Set<String> start = purge ? currentHeads : map.idSet(current);
        return new Plan(start, map.idSet(end), List.of(), changes);
    }

    /**
     * An offline stamp script, as {@code alembic stamp --sql} takes it: each target alone, or as
     * {@code from:to} where every range starts at the same revision, which stands in for the
     * database's heads.
     */
    public Plan stamp(List<Range> targets, boolean purge) {
        Set<String> starts = new LinkedHashSet<>();
        targets.forEach(r -> starts.add(r.from().map(Target::text).orElse("base")));
        if (starts.size() > 1) {
            throw new InvalidTargetException(String.join(",", targets.stream().map(Range::text).toList()),
                    "An offline stamp takes one starting revision, but the ranges start at " + String.join(", ", starts)
                            + ". Give every range the same start, or stamp them one at a time.");
        }
        Optional<Target> from = targets.isEmpty() ? Optional.empty() : targets.get(0).from();
        Set<String> current = map.idSet(from.map(this::start).orElse(List.of()));
        return stamp(current, targets.stream().map(r -> r.to().orElseGet(() -> Target.parse("heads"))).toList(), purge);
    }

    /** All revisions, newest first, as {@code alembic history} lists them. */
    public List<Revision> history() {
        List<Revision> out = new ArrayList<>(map.historyOrder.length);
        for (int r : map.historyOrder) {
            out.add(revs[r]);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The revisions of a range, newest first, as {@code alembic history -r range} lists them;
     * either end may be {@code current}, meaning the database's current heads.
     */
    public List<Revision> history(Range range, Set<String> currentHeads) {
        Target lowerEnd = range.from().orElseGet(() -> Target.parse("base"));
        Target upperEnd = range.to().orElseGet(() -> Target.parse("heads"));
        List<Integer> current = lowerEnd.is("current") || upperEnd.is("current")
                ? map.currentIndexes(currentHeads) : List.of();
        List<Integer> targets = upperEnd.is("current") ? current
                : revisionsOnly(resolver.upgradeTarget(current, upperEnd, false));
        List<Integer> lower;
        String lowerBranch = null;
        if (lowerEnd.is("current")) {
            lower = current;
        } else if (lowerEnd.isRelative()) {
            lower = revisionsOnly(List.of(resolver.downgradeTarget(targets, lowerEnd, false).revision()));
        } else {
            lower = revisionsOnly(resolver.revisions(lowerEnd));
            lowerBranch = lowerEnd.branchOrNull();
        }
        BitSet needs = collectUpgrade(targets, lowerBranch, lower, true, false);
        List<Revision> out = new ArrayList<>();
        for (int r : map.ordering.sort(needs, targets)) {
            out.add(revs[r]);
        }
        return Collections.unmodifiableList(out);
    }

    // ---------------------------------------------------------------- collecting revisions

    /** Alembic's _collect_upgrade_revisions; returns the revisions needed. */
    private BitSet collectUpgrade(List<Integer> targets, String lowerBranch, List<Integer> lower, boolean inclusive,
                                  boolean implicitBase) {
        if (lowerBranch != null) {
            int branchRev = resolver.resolveBranch(lowerBranch);
            String label = lowerBranch;
            if (!map.labels.containsKey(lowerBranch)) {
                Set<String> own = revs[branchRev].branchLabels();
                label = own.size() == 1 ? own.iterator().next() : null;
            }
            String wanted = label;
            BitSet line = map.lineage(List.of(branchRev), false);
            targets = targets.stream()
                    .filter(t -> wanted == null ? line.get(t) : map.covering.get(t).contains(wanted)).toList();
        }
        checkOverlap(targets);
        BitSet required = Edges.closure(targets, map.normDown, true);
        if (!implicitBase) {
            for (int c : lower) {
                if (!required.get(c)) {
                    throw new NotAnAncestorException(revs[c].id(), String.join(", ", map.ids(targets)),
                            "Revision " + revs[c].id() + " is not an ancestor of revision "
                                    + (targets.isEmpty() ? "base" : String.join(", ", map.ids(targets)))
                                    + ". Give a range whose start is older than its end on the same branch.");
                }
            }
        }
        checkOverlap(lower);
        BitSet needs = (BitSet) required.clone();
        needs.andNot(Edges.closure(lower, map.normDown, true));
        if (inclusive) {
            lower.forEach(needs::set);
        }
        if (!lower.isEmpty() && !implicitBase) {
            needs.and(Edges.closure(lower, map.next, true));
        }
        return needs;
    }

    /** Alembic's _collect_downgrade_revisions; returns the revisions to drop. */
    private BitSet collectDowngrade(List<Integer> current, Target target) {
        TargetResolver.DowngradeTarget parsed = resolver.downgradeTarget(current, target, true);
        List<Integer> roots;
        if (parsed.revision() == TargetResolver.NONE) {
            roots = Edges.toList(map.bases);
        } else {
            roots = Edges.toList(map.next[parsed.revision()]);
        }
        if (parsed.branch() != null && roots.size() > 1) {
            BitSet ancestors = Edges.closure(List.of(resolver.resolveBranch(parsed.branch())), map.down, true);
            roots = roots.stream().filter(ancestors::get).toList();
            if (roots.isEmpty()) {
                throw notDowngradeTarget(target, current);
            }
        }
        BitSet drop = Edges.closure(roots, map.normNext, true);
        drop.and(Edges.closure(current, map.normDown, true));
        if (parsed.revision() != TargetResolver.NONE && drop.isEmpty() && !current.contains(parsed.revision())) {
            throw notDowngradeTarget(target, current);
        }
        return drop;
    }

    private NotAnAncestorException notDowngradeTarget(Target target, List<Integer> current) {
        String at = current.isEmpty() ? "base" : String.join(", ", map.ids(current));
        return new NotAnAncestorException(target.text(), at, "Destination '" + target
                + "' is not a valid downgrade target from the current heads (" + at
                + "): it is not an ancestor of them. Run 'history' to pick an older revision on the same branch.");
    }

    private BitSet headsSharingLineage(List<Integer> current, Target target) {
        BitSet out = new BitSet();
        BitSet line = resolver.lineageOf(target);
        for (int h : current) {
            if (line == null || line.get(h)) {
                out.set(h);
            }
        }
        return out;
    }

    private void checkOverlap(List<Integer> given) {
        if (given.size() < 2) {
            return;
        }
        List<Integer> parents = new ArrayList<>();
        for (int g : given) {
            for (int d : map.normDown[g]) {
                parents.add(d);
            }
        }
        BitSet below = Edges.closure(parents, map.normDown, true);
        for (int g : given) {
            if (below.get(g)) {
                List<Integer> others = new ArrayList<>();
                for (int o : given) {
                    if (o != g && Edges.closure(List.of(o), map.normDown, true).get(g)) {
                        others.add(o);
                    }
                }
                throw new OverlappingRevisionsException(revs[g].id(), map.ids(others));
            }
        }
    }

    static List<Integer> revisionsOnly(List<Integer> found) {
        return found.stream().filter(i -> i >= 0).toList();
    }
}
