package dev.migrate.engine.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;

/**
 * Resolves a parsed {@link Target} against the graph and the database's current heads, as
 * Alembic's {@code get_revisions}, {@code _walk} and {@code _parse_upgrade_target} /
 * {@code _parse_downgrade_target} do. Revisions are numbers of the {@link RevisionMap}.
 */
final class TargetResolver {
    /** Below the bases: where an upgrade from an empty database starts; also the target "base". */
    static final int NONE = -1;
    /** Walked down past a base. */
    private static final int BASE = -2;
    /** A walk that ran out of revisions. */
    private static final int FAILED = -3;

    private final RevisionMap map;
    private final Revision[] revs;
    /** Every id and branch label longer than 3 characters, sorted, for prefix lookups; built on the first one. */
    private volatile String[] prefixKeys;

    TargetResolver(RevisionMap map) {
        this.map = map;
        this.revs = map.revs;
    }

    /** A downgrade destination: its revision (NONE: base) and the branch it was named on, if any. */
    record DowngradeTarget(String branch, int revision) {
    }

    /** What a target names, walking relative ones from {@code current}; NONE stands for base. */
    List<Integer> resolve(Target target, List<Integer> current) {
        if (target.isRelative() && target.walksDownFromCurrent()) {
            return List.of(downgradeTarget(current, target, true).revision());
        }
        return upgradeTarget(current, target, true);
    }

    /** Alembic's get_revisions: a symbolic name or id, without steps, to zero or more revisions. */
    List<Integer> revisions(Target target) {
        return revisions(target.branchOrNull(), target.symbolOrNull());
    }

    private List<Integer> revisions(String branch, String symbol) {
        switch (symbol) {
            case "heads":
                return branch == null ? Edges.toList(map.realHeads) : filterForLineage(Edges.toList(map.heads), branch);
            case "head":
                int head = currentHead(branch);
                return head == NONE ? List.of() : List.of(head);
            case "base":
                if (branch != null) {
                    resolveBranch(branch);
                }
                return List.of();
            default:
                return List.of(revisionForIdent(symbol, branch));
        }
    }

    /** Alembic's get_revision: like {@link #revisions} but exactly one revision (or NONE). */
    private int revision(String branch, String symbol) {
        List<Integer> found = revisions(branch, symbol);
        if (found.size() > 1) {
            throw new MultipleHeadsException(map.ids(found), branch == null ? symbol : branch + "@" + symbol);
        }
        return found.isEmpty() ? NONE : found.get(0);
    }

    private int currentHead(String branch) {
        List<Integer> found = branch == null ? Edges.toList(map.heads) : filterForLineage(Edges.toList(map.heads), branch);
        if (found.size() > 1) {
            throw new MultipleHeadsException(map.ids(found), branch == null ? "head" : branch + "@head");
        }
        return found.isEmpty() ? NONE : found.get(0);
    }

    int resolveBranch(String branch) {
        Integer labelled = map.labels.get(branch);
        if (labelled != null) {
            return labelled;
        }
        try {
            return revisionForIdent(branch, null);
        } catch (UnknownRevisionException | AmbiguousRevisionException e) {
            throw new UnknownBranchException(branch, map.labels.keySet());
        }
    }

    /**
     * An id, a branch label, or a unique prefix (of any length) of the ids and labels longer than
     * 3 characters, as Alembic's {@code _revision_for_ident}; checked against a branch.
     */
    int revisionForIdent(String id, String branch) {
        int branchRev = branch == null ? NONE : resolveBranch(branch);
        Integer found = map.index.get(id);
        if (found == null) {
            found = map.labels.get(id);
        }
        if (found == null) {
            List<Integer> candidates = prefixMatches(id);
            if (branch != null && candidates.size() > 1) {
                BitSet line = map.lineage(List.of(branchRev), false);
                candidates = candidates.stream().filter(line::get).toList();
            }
            if (candidates.isEmpty()) {
                throw new UnknownRevisionException(id);
            }
            if (candidates.size() > 1) {
                throw new AmbiguousRevisionException(id, List.copyOf(new TreeSet<>(map.ids(candidates))));
            }
            found = candidates.get(0);
        }
        if (branch != null && !map.lineage(List.of(branchRev), false).get(found)) {
            throw new NotInBranchException(revs[found].id(), branch);
        }
        return found;
    }

    /** The revisions whose id or label, longer than 3 characters, starts with {@code prefix}. */
    private List<Integer> prefixMatches(String prefix) {
        String[] keys = this.prefixKeys;
        if (keys == null) {
            List<String> all = new ArrayList<>(map.index.size() + map.labels.size());
            map.index.keySet().stream().filter(k -> k.length() > 3).forEach(all::add);
            map.labels.keySet().stream().filter(k -> k.length() > 3).forEach(all::add);
            keys = all.toArray(new String[0]);
            Arrays.sort(keys);
            this.prefixKeys = keys;
        }
        BitSet seen = new BitSet(revs.length);
        List<Integer> out = new ArrayList<>();
        int k = Arrays.binarySearch(keys, prefix);
        for (k = k < 0 ? -k - 1 : k; k < keys.length && keys[k].startsWith(prefix); k++) {
            Integer r = map.index.get(keys[k]);
            int rev = r != null ? r : map.labels.get(keys[k]);
            if (!seen.get(rev)) {
                seen.set(rev);
                out.add(rev);
            }
        }
        return out;
    }

    /** Alembic's filter_for_lineage against a branch: targets on the same line of descent as it. */
    List<Integer> filterForLineage(List<Integer> targets, String branch) {
        BitSet line = map.lineage(List.of(resolveBranch(branch)), false);
        return targets.stream().filter(line::get).toList();
    }

    /** Revisions sharing lineage with what {@code target} names; null when it names nothing (base). */
    BitSet lineageOf(Target target) {
        List<Integer> shares = new ArrayList<>();
        target.branch().ifPresent(b -> shares.add(resolveBranch(b)));
        if (!target.isRelative() && !target.symbol().orElseThrow().equals("base")) {
            shares.addAll(Planner.revisionsOnly(revisions(target)));
        }
        return shares.isEmpty() ? null : map.lineage(shares, true);
    }

    /** Alembic's _parse_upgrade_target. */
    List<Integer> upgradeTarget(List<Integer> current, Target target, boolean noOverwalk) {
        if (!target.isRelative()) {
            return revisions(target);
        }
        String branch = target.branchOrNull();
        String symbol = target.symbolOrNull();
        int relative = target.steps().getAsInt();
        if (relative > 0) {
            int start = symbol == null ? upgradeStart(current, branch, target) : revision(null, symbol);
            return List.of(walked(target, walk(start, relative, branch, noOverwalk, target)));
        }
        if (symbol == null) {
            throw new RelativeTargetException(target.text(), "Relative target '" + target
                    + "' goes down from the current heads: use it with downgrade, not upgrade.");
        }
        return List.of(walked(target, walk(revision(branch, symbol), relative, null, noOverwalk, target)));
    }

    /** Where {@code +N} / {@code label@+N} starts walking from, given the current heads. */
    private int upgradeStart(List<Integer> current, String branch, Target target) {
        List<Integer> starts = current;
        if (branch != null) {
            starts = filterForLineage(current, branch);
            if (starts.isEmpty()) {
                BitSet line = map.lineage(List.of(resolveBranch(branch)), false);
                BitSet active = Edges.closure(current, map.normDown, true);
                active.and(line);
                BitSet tips = (BitSet) active.clone();
                for (int a = active.nextSetBit(0); a >= 0; a = active.nextSetBit(a + 1)) {
                    for (int d : map.normDown[a]) {
                        tips.clear(d);
                    }
                }
                starts = Edges.toList(tips.stream().toArray());
            }
        }
        if (starts.size() > 1) {
            throw new RelativeTargetException(target.text(), "Relative target '" + target
                    + "' is ambiguous: the database has several heads (" + String.join(", ", map.ids(starts))
                    + "). Name a branch with 'label@" + target.stepsText() + "', or give a revision id.");
        }
        return starts.isEmpty() ? NONE : starts.get(0);
    }

    /** Alembic's _parse_downgrade_target; revision NONE means base. */
    DowngradeTarget downgradeTarget(List<Integer> current, Target target, boolean noOverwalk) {
        String branch = target.branchOrNull();
        String symbol = target.symbolOrNull();
        if (!target.isRelative()) {
            int rev = branch == null || symbol.equals("base") ? revision(null, symbol) : revision(branch, symbol);
            if (branch != null) {
                resolveBranch(branch);
            }
            return new DowngradeTarget(branch, rev);
        }
        int relative = target.steps().getAsInt();
        if (relative >= 0) {
            if (symbol == null) {
                throw new RelativeTargetException(target.text(), "Relative target '" + target
                        + "' goes up from the current heads: use it with upgrade, not downgrade.");
            }
            int rev = walked(target, walk(revision(null, symbol), relative, branch, noOverwalk, target));
            return new DowngradeTarget(branch, rev == BASE ? NONE : rev);
        }
        if (symbol == null) {
            if (branch != null) {
                symbol = revs[currentOnBranch(current, branch, target)].id();
            } else {
                if (current.isEmpty()) {
                    throw new RelativeTargetException(target.text(), "Relative target '" + target
                            + "' walks too far: the database is at base, there is nothing to downgrade.");
                }
                if (current.size() > 1) {
                    throw new RelativeTargetException(target.text(), "Relative target '" + target
                            + "' is ambiguous: the database has several heads (" + String.join(", ", map.ids(current))
                            + "). Name one with 'label@" + target.stepsText() + "' or '<revision>"
                            + target.stepsText() + "'.");
                }
                symbol = revs[current.get(0)].id();
                branch = symbol;
            }
        }
        int rev = walked(target, walk(revision(branch, symbol), relative, null, noOverwalk, target));
        return new DowngradeTarget(branch, rev == BASE ? NONE : rev);
    }

    /** The one current head (or branch head below the current heads) on {@code branch}, for {@code label@-N}. */
    private int currentOnBranch(List<Integer> current, String branch, Target target) {
        List<Integer> onBranch = filterForLineage(current, branch);
        if (onBranch.isEmpty()) {
            onBranch = filterForLineage(branchHeadsOf(current), branch);
        }
        if (onBranch.size() != 1) {
            throw new RelativeTargetException(target.text(), onBranch.isEmpty()
                    ? "Relative target '" + target + "' has nothing to walk down: no current head is on branch '"
                    + branch + "'."
                    : "Relative target '" + target + "' is ambiguous: several current heads are on branch '"
                    + branch + "' (" + String.join(", ", map.ids(onBranch)) + "). Give a revision id.");
        }
        return onBranch.get(0);
    }

    /** Alembic's _get_all_current: the current heads and their ancestors, reduced to branch tips. */
    private List<Integer> branchHeadsOf(List<Integer> current) {
        BitSet all = Edges.closure(current, map.normDown, true);
        List<Integer> out = new ArrayList<>();
        for (int a = all.nextSetBit(0); a >= 0; a = all.nextSetBit(a + 1)) {
            boolean tip = true;
            for (int c : map.next[a]) {
                if (all.get(c)) {
                    tip = false;
                    break;
                }
            }
            if (tip) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * Alembic's _walk: {@code steps} revisions up (positive) or down (negative) from
     * {@code start}; up from NONE starts at the bases, down from NONE starts at the heads.
     */
    private int walk(int start, int steps, String branch, boolean noOverwalk, Target target) {
        int at = start;
        BitSet line = branch != null && steps > 0 ? map.lineage(List.of(resolveBranch(branch)), false) : null;
        for (int s = 0; s < Math.abs(steps); s++) {
            int[] candidates;
            if (steps > 0) {
                candidates = at == NONE ? map.bases : map.next[at];
                if (line != null) {
                    candidates = Arrays.stream(candidates).filter(line::get).toArray();
                }
            } else if (at == BASE) {
                candidates = Edges.NONE;
            } else {
                candidates = at == NONE ? map.heads : map.down[at];
                if (candidates.length == 0) {
                    candidates = new int[] {BASE};
                }
            }
            if (candidates.length == 0) {
                return noOverwalk ? FAILED : at;
            }
            if (candidates.length > 1) {
                throw ambiguousWalk(target, at, candidates, steps > 0);
            }
            at = candidates[0];
        }
        return at;
    }

    private int walked(Target target, int rev) {
        if (rev == FAILED) {
            int steps = Math.abs(target.steps().getAsInt());
            throw new RelativeTargetException(target.text(), "Relative target '" + target
                    + "' walks too far: there are fewer than " + steps + " revision" + (steps == 1 ? "" : "s") + " "
                    + (target.steps().getAsInt() > 0 ? "above" : "below")
                    + " its start. Use a smaller step, or 'heads' / 'base'.");
        }
        return rev;
    }

    private RelativeTargetException ambiguousWalk(Target target, int at, int[] candidates, boolean up) {
        String where = at == NONE ? (up ? "there are " + candidates.length + " bases"
                : "there are " + candidates.length + " heads")
                : up ? "revision " + revs[at].id() + " is followed by " + candidates.length + " revisions"
                : "revision " + revs[at].id() + " merges " + candidates.length + " revisions";
        return new RelativeTargetException(target.text(), "Relative target '" + target + "' is ambiguous: " + where
                + " (" + String.join(", ", map.ids(Edges.toList(candidates))) + "). Name a branch with 'label@"
                + target.stepsText() + "', or give a revision id.");
    }
}
