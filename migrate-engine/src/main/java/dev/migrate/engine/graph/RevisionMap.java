package dev.migrate.engine.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The revision graph: every question Alembic's {@code RevisionMap} answers (heads, bases, branch
 * points, branch labels, target resolution, upgrade, downgrade and stamp plans, history), built
 * once from a collection of {@link Revision}s and immutable afterwards. Knows nothing of files or
 * databases; {@code origin} only names where a revision came from in error messages.
 *
 * <p>Revisions are numbered in the order given (Alembic's insertion order, which breaks ties in
 * every ordering below). Building the map and every plan is linear in the size of the graph.
 */
public final class RevisionMap {
    /** Below the bases: where an upgrade from an empty database starts; also the target "base". */
    private static final int NONE = -1;
    /** Walked down past a base. */
    private static final int BASE = -2;
    /** A walk that ran out of revisions. */
    private static final int FAILED = -3;
    private static final int[] NO_EDGES = new int[0];
    private static final Pattern RELATIVE = Pattern.compile("(?:(.+?)@)?(\\w+)?([+-]\\d+)");

    private final Revision[] revs;
    private final Function<String, String> origin;
    private final Map<String, Integer> index;
    private final Map<String, Integer> labels;
    /** All ids sorted, for prefix lookups; built on the first one. */
    private volatile String[] sortedIds;
    /** Version parents ('Revises:'). */
    private final int[][] down;
    /** Version children. */
    private final int[][] next;
    /** Parents including dependencies, without dependencies already implied by an ancestor. */
    private final int[][] normDown;
    /** Children including dependents (reverse of {@link #normDown}). */
    private final int[][] normNext;
    private final TopologicalOrder ordering;
    /** Number of revisions that revise or depend on each revision. */
    private final int[] allNextCount;
    private final int[] heads;
    private final int[] realHeads;
    private final int[] bases;
    private final List<Set<String>> covering;
    /** All revisions, newest first, in Alembic's history order. */
    private final int[] historyOrder;

    private RevisionMap(List<Revision> revisions, Function<String, String> origin) {
        int n = revisions.size();
        this.revs = revisions.toArray(new Revision[0]);
        this.origin = origin;
        this.index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            Integer previous = index.putIfAbsent(revs[i].id(), i);
            if (previous != null) {
                throw new DuplicateRevisionException(revs[i].id(), null, null);
            }
        }
        this.labels = mapLabels();
        this.down = new int[n][];
        int[][] deps = new int[n][];
        for (int i = 0; i < n; i++) {
            checkSelfLoops(i);
            down[i] = resolveReferences(i, revs[i].downRevisions(), MissingRevisionException.Reference.REVISES);
            deps[i] = resolveReferences(i, revs[i].dependsOn(), MissingRevisionException.Reference.DEPENDS_ON);
        }
        this.next = reverse(down);
        detectCycles(down, CycleDetectedException.Kind.CYCLE);
        int[][] allDown = new int[n][];
        for (int i = 0; i < n; i++) {
            allDown[i] = union(down[i], deps[i]);
        }
        detectCycles(allDown, CycleDetectedException.Kind.DEPENDENCY_CYCLE);
        this.allNextCount = new int[n];
        for (int[] parents : allDown) {
            for (int p : parents) {
                allNextCount[p]++;
            }
        }
        this.normDown = normalizeDependencies(deps);
        this.normNext = reverse(normDown);
        this.ordering = new TopologicalOrder(normDown, normNext);
        this.heads = select(i -> next[i].length == 0);
        this.realHeads = select(i -> allNextCount[i] == 0);
        this.bases = select(i -> down[i].length == 0);
        BitSet all = new BitSet(n);
        all.set(0, n);
        this.historyOrder = ordering.sort(all, toList(realHeads));
        this.covering = coverLabels();
    }

    /** Builds and validates the graph of these revisions; error messages name revisions by id. */
    public static RevisionMap of(Collection<Revision> revisions) {
        return new RevisionMap(List.copyOf(revisions), id -> null);
    }

    /**
     * Builds and validates the graph; {@code origin} maps a revision id to where it was defined
     * (such as its file), for error messages.
     */
    public static RevisionMap of(Collection<Revision> revisions, Function<String, String> origin) {
        return new RevisionMap(List.copyOf(revisions), origin);
    }

    // ---------------------------------------------------------------- inspection

    /** The revision with exactly this id. */
    public Optional<Revision> find(String exactId) {
        Integer i = index.get(exactId);
        return i == null ? Optional.empty() : Optional.of(revs[i]);
    }

    /** The revision with this id, branch label, or unique prefix of at least 4 characters. */
    public Revision get(String idOrPrefix) {
        return revs[revisionForIdent(idOrPrefix, null)];
    }

    /**
     * All revisions, bases first: the order in which {@code upgrade heads} runs them on an empty
     * database (the reverse of {@link #history}).
     */
    public List<Revision> revisions() {
        List<Revision> out = new ArrayList<>(historyOrder.length);
        for (int k = historyOrder.length - 1; k >= 0; k--) {
            out.add(revs[historyOrder[k]]);
        }
        return Collections.unmodifiableList(out);
    }

    /** The real heads: revisions that no revision revises or depends on. */
    public Set<String> heads() {
        return idSet(realHeads);
    }

    /** Revisions that revise nothing. */
    public Set<String> bases() {
        return idSet(bases);
    }

    /** Revisions revised by more than one revision. */
    public Set<String> branchPoints() {
        return idSet(select(i -> next[i].length > 1));
    }

    /** Revisions that revise more than one revision. */
    public Set<String> mergePoints() {
        return idSet(select(i -> down[i].length > 1));
    }

    /**
     * What {@code current} shows, as Alembic's does: of the revisions the version rows imply (the
     * rows, their ancestors and what they depend on), those that no applied revision revises. A
     * depended-on revision at the end of its own branch is shown although it has no row.
     */
    public Set<String> appliedBranchHeads(Set<String> versionRows) {
        BitSet applied = closure(currentIndexes(versionRows), normDown, true);
        Set<String> out = new LinkedHashSet<>();
        for (int r = applied.nextSetBit(0); r >= 0; r = applied.nextSetBit(r + 1)) {
            boolean revised = false;
            for (int child : next[r]) {
                revised |= applied.get(child);
            }
            if (!revised) {
                out.add(revs[r].id());
            }
        }
        return out;
    }

    /** The revisions that revise this one. */
    public Set<String> children(String id) {
        return idSet(next[indexOf(id)]);
    }

    /**
     * The branch labels whose branch covers this revision: a label covers its revision, that
     * revision's descendants, and its ancestors back to (not including) the previous branch point
     * or merge point. Alembic walks those ancestors down from whichever descendant it happened to
     * visit last, so it misses them when a merge or branch point lies above the labelled
     * revision; this walk starts at the labelled revision itself.
     */
    public Set<String> branchLabelsCovering(String id) {
        return covering.get(indexOf(id));
    }

    // ---------------------------------------------------------------- targets

    /**
     * The revisions a target names, given the database's current heads (for relative targets).
     * {@code base} names no revision. Ranges are not targets and are rejected.
     */
    public Set<String> resolve(String target, Set<String> currentHeads) {
        requireTarget(target);
        if (target.contains(":")) {
            throw new InvalidTargetException(target, "Range '" + target
                    + "' is not a single target; ranges 'from:to' are only allowed for offline SQL and history.");
        }
        List<Integer> current = currentIndexes(currentHeads);
        Matcher m = RELATIVE.matcher(target);
        List<Integer> found;
        if (m.matches() && m.group(2) == null && m.group(3).startsWith("-")) {
            found = List.of(parseDowngradeTarget(current, target, true).revision);
        } else {
            found = parseUpgradeTarget(current, target, true);
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i : found) {
            if (i >= 0) {
                out.add(revs[i].id());
            }
        }
        return Collections.unmodifiableSet(out);
    }

    // ---------------------------------------------------------------- plans

    /**
     * The steps that upgrade a database at {@code currentHeads} to {@code target}, oldest first,
     * each with its version-table changes. A range {@code from:to} (offline SQL) starts from
     * {@code from} instead of the current heads.
     */
    public Plan upgrade(Set<String> currentHeads, String target) {
        requireTarget(target);
        String lowerText = null;
        List<Integer> current;
        String upper = target;
        int colon = target.indexOf(':');
        if (colon >= 0) {
            lowerText = target.substring(0, colon).isEmpty() ? "base" : target.substring(0, colon);
            upper = target.substring(colon + 1).isEmpty() ? "heads" : target.substring(colon + 1);
            current = getRevisions(lowerText);
        } else {
            current = currentIndexes(currentHeads);
        }
        List<Integer> targets = revisionsOnly(parseUpgradeTarget(current, upper, true));
        BitSet needs = collectUpgrade(targets, lowerText, current, false, true);
        int[] order = ordering.sort(needs, targets);
        HeadMaintainer tracker = new HeadMaintainer(revs, normDown, current, closure(current, normDown, true));
        List<Step> steps = new ArrayList<>(order.length);
        for (int k = order.length - 1; k >= 0; k--) {
            int r = order[k];
            steps.add(new Step(revs[r], Direction.UPGRADE, tracker.upgrade(r)));
        }
        return Plan.of(idSet(current), idSet(tracker.rows()), steps);
    }

    /**
     * The steps that downgrade a database at {@code currentHeads} to {@code target}, newest
     * first, each with its version-table changes. A range {@code from:to} (offline SQL) starts
     * from {@code from} instead of the current heads.
     */
    public Plan downgrade(Set<String> currentHeads, String target) {
        requireTarget(target);
        List<Integer> current;
        String lower = target;
        int colon = target.indexOf(':');
        if (colon >= 0) {
            String from = target.substring(0, colon);
            if (from.isEmpty()) {
                throw new InvalidTargetException(target, "Downgrade range '" + target
                        + "' needs a start revision: write 'from:to', such as 'heads:base'.");
            }
            current = getRevisions(from);
            lower = target.substring(colon + 1).isEmpty() ? "base" : target.substring(colon + 1);
        } else {
            current = currentIndexes(currentHeads);
        }
        BitSet drop = collectDowngrade(current, lower);
        int[] order = ordering.sort(drop, current);
        HeadMaintainer tracker = new HeadMaintainer(revs, normDown, current, closure(current, normDown, true));
        List<Step> steps = new ArrayList<>(order.length);
        for (int r : order) {
            steps.add(new Step(revs[r], Direction.DOWNGRADE, tracker.downgrade(r)));
        }
        return Plan.of(idSet(current), idSet(tracker.rows()), steps);
    }

    /**
     * Moves the version table to {@code targets} without running anything. Each target replaces
     * the current heads on its line of descent (ancestors or descendants, dependencies included),
     * or is inserted next to them; {@code base} and {@code label@base} delete the heads of their
     * lineage; other heads stay. {@code purge} first deletes every current head, even ones no
     * revision defines. Unlike Alembic, several targets below one head, or a target that is
     * already a head among others, give one row per target instead of a crash or a lost row.
     */
    public Plan stamp(Set<String> currentHeads, List<String> targets, boolean purge) {
        List<VersionChange> changes = new ArrayList<>();
        List<Integer> current;
        if (purge) {
            currentHeads.stream().sorted().forEach(h -> changes.add(new VersionChange.Delete(h)));
            current = List.of();
        } else {
            current = currentIndexes(currentHeads);
        }
        List<String> texts = targets.isEmpty() ? List.of("base") : targets;
        LinkedHashSet<Integer> dests = new LinkedHashSet<>();
        BitSet toBase = new BitSet();
        for (String text : texts) {
            List<Integer> found = revisionsOnly(resolveIndexes(text, current));
            if (found.isEmpty()) {
                toBase.or(headsSharingLineage(current, text));
            }
            dests.addAll(found);
        }
        checkOverlap(new ArrayList<>(dests));
        LinkedHashSet<Integer> rows = new LinkedHashSet<>(current);
        for (int t : dests) {
            if (rows.contains(t)) {
                continue;
            }
            BitSet line = lineage(List.of(t), true);
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
        Set<String> start = purge ? currentHeads : idSet(current);
        return new Plan(start, idSet(end), List.of(), changes);
    }

    /**
     * The revisions of a range, newest first, as {@code alembic history -r range} lists them.
     * {@code range} is null (everything), {@code from:to}, {@code :to} or {@code from:}; either
     * end may be {@code current}, meaning the database's current heads.
     */
    public List<Revision> history(String range, Set<String> currentHeads) {
        if (range == null || range.isBlank()) {
            List<Revision> out = new ArrayList<>(historyOrder.length);
            for (int r : historyOrder) {
                out.add(revs[r]);
            }
            return Collections.unmodifiableList(out);
        }
        int colon = range.indexOf(':');
        if (colon < 0 || range.indexOf(':', colon + 1) >= 0) {
            throw new InvalidTargetException(range,
                    "History range '" + range + "' must be 'from:to', 'from:' or ':to'.");
        }
        String lowerText = range.substring(0, colon).strip();
        String upperText = range.substring(colon + 1).strip();
        lowerText = lowerText.isEmpty() ? "base" : lowerText;
        upperText = upperText.isEmpty() ? "heads" : upperText;
        List<Integer> current = "current".equals(lowerText) || "current".equals(upperText)
                ? currentIndexes(currentHeads) : List.of();
        List<Integer> targets = "current".equals(upperText) ? current
                : revisionsOnly(parseUpgradeTarget(current, upperText, false));
        List<Integer> lower;
        String lowerLabelled = lowerText;
        if ("current".equals(lowerText)) {
            lower = current;
            lowerLabelled = null;
        } else if (RELATIVE.matcher(lowerText).matches()) {
            lower = revisionsOnly(List.of(parseDowngradeTarget(targets, lowerText, false).revision));
            lowerLabelled = null;
        } else {
            lower = revisionsOnly(getRevisions(lowerText));
        }
        BitSet needs = collectUpgrade(targets, lowerLabelled, lower, true, false);
        List<Revision> out = new ArrayList<>();
        for (int r : ordering.sort(needs, targets)) {
            out.add(revs[r]);
        }
        return Collections.unmodifiableList(out);
    }

    // ---------------------------------------------------------------- building

    private Map<String, Integer> mapLabels() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < revs.length; i++) {
            for (String label : new TreeSet<>(revs[i].branchLabels())) {
                if (!Revision.isValidId(label)) {
                    throw new InvalidTargetException(label, "Branch label '" + label + "' of revision " + revs[i].id()
                            + " may contain only letters, digits and '_' (the characters @ - + : are target syntax).");
                }
                Integer first = index.containsKey(label) ? index.get(label) : out.get(label);
                if (first != null) {
                    throw new DuplicateBranchLabelException(label, revs[first].id(), revs[i].id());
                }
                out.put(label, i);
            }
        }
        return out;
    }

    private void checkSelfLoops(int i) {
        Revision r = revs[i];
        if (r.downRevisions().contains(r.id())) {
            throw new CycleDetectedException(CycleDetectedException.Kind.SELF_LOOP, List.of(r.id()),
                    origin.apply(r.id()));
        }
        if (r.dependsOn().contains(r.id())) {
            throw new CycleDetectedException(CycleDetectedException.Kind.DEPENDENCY_SELF_LOOP, List.of(r.id()),
                    origin.apply(r.id()));
        }
    }

    private int[] resolveReferences(int i, List<String> names, MissingRevisionException.Reference reference) {
        if (names.isEmpty()) {
            return NO_EDGES;
        }
        int[] out = new int[names.size()];
        int k = 0;
        for (String name : names) {
            Integer target = index.get(name);
            if (target == null) {
                target = labels.get(name);
            }
            if (target == null) {
                throw new MissingRevisionException(revs[i].id(), origin.apply(revs[i].id()), name, reference);
            }
            if (!contains(out, k, target)) {
                out[k++] = target;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /** Peels sources and sinks off (Kahn's algorithm both ways); what is left lies on cycles. */
    private void detectCycles(int[][] parents, CycleDetectedException.Kind kind) {
        int n = revs.length;
        int[][] children = reverse(parents);
        BitSet peeled = peel(parents, children);
        if (peeled.cardinality() == n) {
            return;
        }
        BitSet fromTop = peel(children, parents);
        List<String> cycle = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!peeled.get(i) && !fromTop.get(i)) {
                cycle.add(revs[i].id());
            }
        }
        Collections.sort(cycle);
        throw new CycleDetectedException(kind, cycle, null);
    }

    private static BitSet peel(int[][] parents, int[][] children) {
        int n = parents.length;
        int[] missing = new int[n];
        int[] stack = new int[n];
        int top = 0;
        for (int i = 0; i < n; i++) {
            missing[i] = parents[i].length;
            if (missing[i] == 0) {
                stack[top++] = i;
            }
        }
        BitSet done = new BitSet(n);
        while (top > 0) {
            int i = stack[--top];
            done.set(i);
            for (int c : children[i]) {
                if (--missing[c] == 0) {
                    stack[top++] = c;
                }
            }
        }
        return done;
    }

    /**
     * Drops each dependency that an ancestor (through 'Revises:') already depends on, as Alembic
     * does. Only dependencies that more than one revision names need the ancestor walk.
     */
    private int[][] normalizeDependencies(int[][] deps) {
        int n = revs.length;
        int[] dependents = new int[n];
        for (int[] ds : deps) {
            for (int d : ds) {
                dependents[d]++;
            }
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            int[] kept = deps[i];
            if (kept.length > 0 && Arrays.stream(kept).anyMatch(d -> dependents[d] > 1)) {
                BitSet implied = new BitSet(n);
                BitSet ancestors = closure(List.of(i), down, false);
                for (int a = ancestors.nextSetBit(0); a >= 0; a = ancestors.nextSetBit(a + 1)) {
                    for (int d : deps[a]) {
                        implied.set(d);
                    }
                }
                kept = Arrays.stream(kept).filter(d -> !implied.get(d)).toArray();
            }
            out[i] = union(down[i], kept);
        }
        return out;
    }

    /**
     * Alembic's branch labels: the revision, its descendants, and ancestors back to a branch
     * point. Descendants inherit their parents' label sets in topological order, sharing one set
     * object along a chain, so this is linear however many revisions a label covers.
     */
    private List<Set<String>> coverLabels() {
        int n = revs.length;
        List<Set<String>> out = new ArrayList<>(Collections.nCopies(n, Set.of()));
        if (labels.isEmpty()) {
            return out;
        }
        Map<Set<String>, Set<String>> interned = new HashMap<>();
        for (int k = historyOrder.length - 1; k >= 0; k--) {
            int r = historyOrder[k];
            Set<String> own = revs[r].branchLabels();
            if (own.isEmpty() && down[r].length == 1) {
                out.set(r, out.get(down[r][0]));
            } else if (!own.isEmpty() || down[r].length > 1) {
                TreeSet<String> union = new TreeSet<>(own);
                for (int p : down[r]) {
                    union.addAll(out.get(p));
                }
                out.set(r, intern(interned, union));
            }
        }
        for (Map.Entry<String, Integer> e : labels.entrySet()) {
            int parent = e.getValue();
            while (allNextCount[parent] <= 1 && down[parent].length <= 1) {
                if (!out.get(parent).contains(e.getKey())) {
                    TreeSet<String> more = new TreeSet<>(out.get(parent));
                    more.add(e.getKey());
                    out.set(parent, intern(interned, more));
                }
                if (down[parent].length == 0) {
                    break;
                }
                parent = down[parent][0];
            }
        }
        return out;
    }

    private static Set<String> intern(Map<Set<String>, Set<String>> interned, TreeSet<String> labels) {
        if (labels.isEmpty()) {
            return Set.of();
        }
        return interned.computeIfAbsent(labels, k -> Collections.unmodifiableSet(new LinkedHashSet<>(k)));
    }

    // ---------------------------------------------------------------- resolution (Alembic's grammar)

    private static void requireTarget(String target) {
        if (target == null || target.isBlank()) {
            throw new InvalidTargetException(String.valueOf(target),
                    "No target given: use 'heads', 'head', 'base', a revision id, 'label@head', '+N' or '-N'.");
        }
    }

    private List<Integer> currentIndexes(Set<String> currentHeads) {
        List<Integer> out = new ArrayList<>(currentHeads.size());
        for (String h : currentHeads) {
            Integer i = index.get(h);
            if (i == null) {
                throw new UnknownCurrentRevisionException(h);
            }
            out.add(i);
        }
        Collections.sort(out);
        return out;
    }

    private int indexOf(String id) {
        Integer i = index.get(id);
        if (i == null) {
            throw new UnknownRevisionException(id);
        }
        return i;
    }

    private List<Integer> resolveIndexes(String target, List<Integer> current) {
        Matcher m = RELATIVE.matcher(target);
        if (m.matches() && m.group(2) == null && m.group(3).startsWith("-")) {
            return List.of(parseDowngradeTarget(current, target, true).revision);
        }
        return parseUpgradeTarget(current, target, true);
    }

    /** Alembic's get_revisions: a symbolic name or id to zero or more revisions. */
    private List<Integer> getRevisions(String arg) {
        String branch = null;
        String id = arg;
        int at = arg.indexOf('@');
        if (at >= 0) {
            branch = arg.substring(0, at);
            id = arg.substring(at + 1);
            if (branch.isEmpty() || id.isEmpty()) {
                throw new InvalidTargetException(arg, "Target '" + arg
                        + "' is incomplete: write 'label@head', 'label@base', 'label@<revision>' or 'label@+N'.");
            }
        }
        switch (id) {
            case "heads":
                return branch == null ? toList(realHeads) : filterForLineage(toList(heads), branch, false);
            case "head":
                int head = currentHead(branch);
                return head == NONE ? List.of() : List.of(head);
            case "base":
                if (branch != null) {
                    resolveBranch(branch);
                }
                return List.of();
            default:
                return List.of(revisionForIdent(id, branch));
        }
    }

    /** Alembic's get_revision: like {@link #getRevisions} but exactly one revision (or NONE). */
    private int getRevision(String arg) {
        List<Integer> found = getRevisions(arg);
        if (found.size() > 1) {
            throw new MultipleHeadsException(ids(found), arg);
        }
        return found.isEmpty() ? NONE : found.get(0);
    }

    private int currentHead(String branch) {
        List<Integer> found = branch == null ? toList(heads) : filterForLineage(toList(heads), branch, false);
        if (found.size() > 1) {
            throw new MultipleHeadsException(ids(found), branch == null ? "head" : branch + "@head");
        }
        return found.isEmpty() ? NONE : found.get(0);
    }

    private int resolveBranch(String branch) {
        Integer labelled = labels.get(branch);
        if (labelled != null) {
            return labelled;
        }
        try {
            return revisionForIdent(branch, null);
        } catch (UnknownRevisionException | AmbiguousRevisionException e) {
            throw new UnknownBranchException(branch, labels.keySet());
        }
    }

    /** An id, a branch label, or a unique prefix of at least 4 characters; checked against a branch. */
    private int revisionForIdent(String id, String branch) {
        int branchRev = branch == null ? NONE : resolveBranch(branch);
        Integer found = index.get(id);
        if (found == null) {
            found = labels.get(id);
        }
        if (found == null) {
            List<Integer> candidates = prefixMatches(id);
            if (branch != null && candidates.size() > 1) {
                BitSet line = lineage(List.of(branchRev), false);
                candidates = candidates.stream().filter(line::get).toList();
            }
            if (candidates.isEmpty()) {
                throw new UnknownRevisionException(id);
            }
            if (candidates.size() > 1) {
                throw new AmbiguousRevisionException(id, ids(candidates));
            }
            found = candidates.get(0);
        }
        if (branch != null && !lineage(List.of(branchRev), false).get(found)) {
            throw new NotInBranchException(revs[found].id(), branch);
        }
        return found;
    }

    private List<Integer> prefixMatches(String prefix) {
        if (prefix.length() < 4) {
            return List.of();
        }
        String[] sortedIds = this.sortedIds;
        if (sortedIds == null) {
            sortedIds = index.keySet().toArray(new String[0]);
            Arrays.sort(sortedIds);
            this.sortedIds = sortedIds;
        }
        List<Integer> out = new ArrayList<>();
        int k = Arrays.binarySearch(sortedIds, prefix);
        for (k = k < 0 ? -k - 1 : k; k < sortedIds.length && sortedIds[k].startsWith(prefix); k++) {
            out.add(index.get(sortedIds[k]));
        }
        return out;
    }

    /** Alembic's filter_for_lineage against a branch: targets on the same line of descent as it. */
    private List<Integer> filterForLineage(List<Integer> targets, String branch, boolean includeDeps) {
        BitSet line = lineage(List.of(resolveBranch(branch)), includeDeps);
        return targets.stream().filter(line::get).toList();
    }

    /** Revisions sharing lineage with what {@code text} names; null when it names nothing (base). */
    private BitSet lineageOf(String text, boolean includeDeps) {
        List<Integer> shares = new ArrayList<>();
        int at = text.indexOf('@');
        if (at >= 0) {
            shares.add(resolveBranch(text.substring(0, at)));
        }
        if (!text.substring(at + 1).equals("base")) {
            shares.addAll(revisionsOnly(getRevisions(text)));
        }
        return shares.isEmpty() ? null : lineage(shares, includeDeps);
    }

    private BitSet headsSharingLineage(List<Integer> current, String text) {
        BitSet out = new BitSet();
        BitSet line = lineageOf(text, true);
        for (int h : current) {
            if (line == null || line.get(h)) {
                out.set(h);
            }
        }
        return out;
    }

    /**
     * Alembic's _walk: {@code steps} revisions up (positive) or down (negative) from
     * {@code start}; up from NONE starts at the bases, down from NONE starts at the heads.
     */
    private int walk(int start, int steps, String branch, boolean noOverwalk, String target) {
        int at = start;
        BitSet line = branch != null && steps > 0 ? lineage(List.of(resolveBranch(branch)), false) : null;
        for (int s = 0; s < Math.abs(steps); s++) {
            int[] candidates;
            if (steps > 0) {
                candidates = at == NONE ? bases : next[at];
                if (line != null) {
                    candidates = Arrays.stream(candidates).filter(line::get).toArray();
                }
            } else if (at == BASE) {
                candidates = NO_EDGES;
            } else {
                candidates = at == NONE ? heads : down[at];
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

    private RelativeTargetException ambiguousWalk(String target, int at, int[] candidates, boolean up) {
        String where = at == NONE ? (up ? "there are " + candidates.length + " bases"
                : "there are " + candidates.length + " heads")
                : up ? "revision " + revs[at].id() + " is followed by " + candidates.length + " revisions"
                : "revision " + revs[at].id() + " merges " + candidates.length + " revisions";
        return new RelativeTargetException(target, "Relative target '" + target + "' is ambiguous: " + where + " ("
                + String.join(", ", ids(toList(candidates))) + "). Name a branch with 'label@" + relativePart(target)
                + "', or give a revision id.");
    }

    private static String relativePart(String target) {
        Matcher m = RELATIVE.matcher(target);
        return m.matches() ? m.group(3) : target;
    }

    private RelativeTargetException walkedTooFar(String target, int steps) {
        return new RelativeTargetException(target, "Relative target '" + target + "' walks too far: there are fewer than "
                + Math.abs(steps) + " revision" + (Math.abs(steps) == 1 ? "" : "s") + " "
                + (steps > 0 ? "above" : "below") + " its start. Use a smaller step, or 'heads' / 'base'.");
    }

    private static int parseSteps(String target, String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new InvalidTargetException(target, "Relative target '" + target + "' has too large a step.");
        }
    }

    /** Alembic's _parse_upgrade_target. */
    private List<Integer> parseUpgradeTarget(List<Integer> current, String target, boolean noOverwalk) {
        Matcher m = RELATIVE.matcher(target);
        if (!m.matches()) {
            return getRevisions(target);
        }
        String branch = m.group(1);
        String symbol = m.group(2);
        int relative = parseSteps(target, m.group(3));
        if (relative > 0) {
            int start;
            if (symbol == null) {
                start = upgradeStart(current, branch, target);
            } else {
                start = getRevision(symbol);
            }
            int rev = walk(start, relative, branch, noOverwalk, target);
            if (rev == FAILED) {
                throw walkedTooFar(target, relative);
            }
            return List.of(rev);
        }
        if (symbol == null) {
            throw new RelativeTargetException(target, "Relative target '" + target
                    + "' goes down from the current heads: use it with downgrade, not upgrade.");
        }
        int rev = walk(getRevision(branch == null ? symbol : branch + "@" + symbol), relative, null, noOverwalk, target);
        if (rev == FAILED) {
            throw walkedTooFar(target, relative);
        }
        return List.of(rev);
    }

    /** Where {@code +N} / {@code label@+N} starts walking from, given the current heads. */
    private int upgradeStart(List<Integer> current, String branch, String target) {
        List<Integer> starts = current;
        if (branch != null) {
            starts = filterForLineage(current, branch, false);
            if (starts.isEmpty()) {
                BitSet line = lineage(List.of(resolveBranch(branch)), false);
                BitSet active = closure(current, normDown, true);
                active.and(line);
                BitSet tips = (BitSet) active.clone();
                for (int a = active.nextSetBit(0); a >= 0; a = active.nextSetBit(a + 1)) {
                    for (int d : normDown[a]) {
                        tips.clear(d);
                    }
                }
                starts = toList(tips.stream().toArray());
            }
        }
        if (starts.size() > 1) {
            throw new RelativeTargetException(target, "Relative target '" + target
                    + "' is ambiguous: the database has several heads (" + String.join(", ", ids(starts))
                    + "). Name a branch with 'label@" + relativePart(target) + "', or give a revision id.");
        }
        return starts.isEmpty() ? NONE : starts.get(0);
    }

    private record DowngradeTarget(String branch, int revision) {
    }

    /** Alembic's _parse_downgrade_target; revision NONE means base. */
    private DowngradeTarget parseDowngradeTarget(List<Integer> current, String target, boolean noOverwalk) {
        Matcher m = RELATIVE.matcher(target);
        if (!m.matches()) {
            int at = target.lastIndexOf('@');
            String branch = at < 0 ? null : target.substring(0, at);
            String symbol = target.substring(at + 1);
            int rev = branch == null || symbol.equals("base") ? getRevision(symbol) : getRevision(target);
            if (branch != null) {
                resolveBranch(branch);
            }
            return new DowngradeTarget(branch, rev);
        }
        String branch = m.group(1);
        String symbol = m.group(2);
        int relative = parseSteps(target, m.group(3));
        if (relative >= 0) {
            if (symbol == null) {
                throw new RelativeTargetException(target, "Relative target '" + target
                        + "' goes up from the current heads: use it with upgrade, not downgrade.");
            }
            int rev = walk(getRevision(symbol), relative, branch, noOverwalk, target);
            if (rev == FAILED) {
                throw walkedTooFar(target, relative);
            }
            return new DowngradeTarget(branch, rev == BASE ? NONE : rev);
        }
        if (symbol == null) {
            if (branch != null) {
                List<Integer> onBranch = filterForLineage(current, branch, false);
                if (onBranch.isEmpty()) {
                    onBranch = filterForLineage(branchHeadsOf(current), branch, false);
                }
                if (onBranch.size() != 1) {
                    throw new RelativeTargetException(target, onBranch.isEmpty()
                            ? "Relative target '" + target + "' has nothing to walk down: no current head is on branch '"
                            + branch + "'."
                            : "Relative target '" + target + "' is ambiguous: several current heads are on branch '"
                            + branch + "' (" + String.join(", ", ids(onBranch)) + "). Give a revision id.");
                }
                symbol = revs[onBranch.get(0)].id();
            } else {
                if (current.isEmpty()) {
                    throw new RelativeTargetException(target, "Relative target '" + target
                            + "' walks too far: the database is at base, there is nothing to downgrade.");
                }
                if (current.size() > 1) {
                    throw new RelativeTargetException(target, "Relative target '" + target
                            + "' is ambiguous: the database has several heads (" + String.join(", ", ids(current))
                            + "). Name one with 'label@" + m.group(3) + "' or '<revision>" + m.group(3) + "'.");
                }
                symbol = revs[current.get(0)].id();
                branch = symbol;
            }
        }
        int rev = walk(getRevision(branch == null ? symbol : branch + "@" + symbol), relative, null, noOverwalk, target);
        if (rev == FAILED) {
            throw walkedTooFar(target, relative);
        }
        return new DowngradeTarget(branch, rev == BASE ? NONE : rev);
    }

    /** Alembic's _get_all_current: the current heads and their ancestors, reduced to branch tips. */
    private List<Integer> branchHeadsOf(List<Integer> current) {
        BitSet all = closure(current, normDown, true);
        List<Integer> out = new ArrayList<>();
        for (int a = all.nextSetBit(0); a >= 0; a = all.nextSetBit(a + 1)) {
            boolean tip = true;
            for (int c : next[a]) {
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

    // ---------------------------------------------------------------- collecting revisions

    /** Alembic's _collect_upgrade_revisions; returns the revisions needed. */
    private BitSet collectUpgrade(List<Integer> targets, String lowerText, List<Integer> lower, boolean inclusive,
                                  boolean implicitBase) {
        if (lowerText != null && lowerText.contains("@")) {
            String branch = lowerText.substring(0, lowerText.indexOf('@'));
            int branchRev = resolveBranch(branch);
            String label = branch;
            if (!labels.containsKey(branch)) {
                Set<String> own = revs[branchRev].branchLabels();
                label = own.size() == 1 ? own.iterator().next() : null;
            }
            String wanted = label;
            BitSet line = lineage(List.of(branchRev), false);
            targets = targets.stream()
                    .filter(t -> wanted == null ? line.get(t) : covering.get(t).contains(wanted)).toList();
        }
        checkOverlap(targets);
        BitSet required = closure(targets, normDown, true);
        if (!implicitBase) {
            for (int c : lower) {
                if (!required.get(c)) {
                    throw new NotAnAncestorException(revs[c].id(), String.join(", ", ids(targets)),
                            "Revision " + revs[c].id() + " is not an ancestor of revision "
                                    + (targets.isEmpty() ? "base" : String.join(", ", ids(targets)))
                                    + ". Give a range whose start is older than its end on the same branch.");
                }
            }
        }
        checkOverlap(lower);
        BitSet needs = (BitSet) required.clone();
        needs.andNot(closure(lower, normDown, true));
        if (inclusive) {
            lower.forEach(needs::set);
        }
        if (!lower.isEmpty() && !implicitBase) {
            needs.and(closure(lower, next, true));
        }
        return needs;
    }

    /** Alembic's _collect_downgrade_revisions; returns the revisions to drop. */
    private BitSet collectDowngrade(List<Integer> current, String target) {
        DowngradeTarget parsed = parseDowngradeTarget(current, target, true);
        List<Integer> roots;
        if (parsed.revision == NONE) {
            roots = toList(bases);
        } else {
            roots = toList(next[parsed.revision]);
        }
        if (parsed.branch != null && roots.size() > 1) {
            BitSet ancestors = closure(List.of(resolveBranch(parsed.branch)), down, true);
            roots = roots.stream().filter(ancestors::get).toList();
            if (roots.isEmpty()) {
                throw notDowngradeTarget(target, current);
            }
        }
        BitSet drop = closure(roots, normNext, true);
        drop.and(closure(current, normDown, true));
        if (parsed.revision != NONE && drop.isEmpty() && !current.contains(parsed.revision)) {
            throw notDowngradeTarget(target, current);
        }
        return drop;
    }

    private NotAnAncestorException notDowngradeTarget(String target, List<Integer> current) {
        String at = current.isEmpty() ? "base" : String.join(", ", ids(current));
        return new NotAnAncestorException(target, at, "Destination '" + target
                + "' is not a valid downgrade target from the current heads (" + at
                + "): it is not an ancestor of them. Run 'history' to pick an older revision on the same branch.");
    }

    private void checkOverlap(List<Integer> given) {
        if (given.size() < 2) {
            return;
        }
        List<Integer> parents = new ArrayList<>();
        for (int g : given) {
            for (int d : normDown[g]) {
                parents.add(d);
            }
        }
        BitSet below = closure(parents, normDown, true);
        for (int g : given) {
            if (below.get(g)) {
                List<Integer> others = new ArrayList<>();
                for (int o : given) {
                    if (o != g && closure(List.of(o), normDown, true).get(g)) {
                        others.add(o);
                    }
                }
                throw new OverlappingRevisionsException(revs[g].id(), ids(others));
            }
        }
    }

    // ---------------------------------------------------------------- small helpers

    /** Ancestors (edges = parents) or descendants (edges = children) of the starts. */
    private BitSet closure(Collection<Integer> starts, int[][] edges, boolean inclusive) {
        BitSet seen = new BitSet(revs.length);
        int[] stack = new int[Math.max(16, starts.size())];
        int top = 0;
        for (int s : starts) {
            if (inclusive) {
                if (seen.get(s)) {
                    continue;
                }
                seen.set(s);
            }
            if (top == stack.length) {
                stack = Arrays.copyOf(stack, top * 2);
            }
            stack[top++] = s;
        }
        while (top > 0) {
            int r = stack[--top];
            for (int e : edges[r]) {
                if (!seen.get(e)) {
                    seen.set(e);
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = e;
                }
            }
        }
        return seen;
    }

    /** Revisions that are ancestors or descendants (or one) of the given ones. */
    private BitSet lineage(List<Integer> of, boolean includeDeps) {
        BitSet out = closure(of, includeDeps ? normDown : down, true);
        out.or(closure(of, includeDeps ? normNext : next, true));
        return out;
    }

    private int[] select(java.util.function.IntPredicate p) {
        int[] out = new int[revs.length];
        int k = 0;
        for (int i = 0; i < revs.length; i++) {
            if (p.test(i)) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }

    private static int[][] reverse(int[][] edges) {
        int n = edges.length;
        int[] count = new int[n];
        for (int[] es : edges) {
            for (int e : es) {
                count[e]++;
            }
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = count[i] == 0 ? NO_EDGES : new int[count[i]];
            count[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int e : edges[i]) {
                out[e][count[e]++] = i;
            }
        }
        return out;
    }

    private static int[] union(int[] a, int[] b) {
        if (b.length == 0) {
            return a;
        }
        int[] out = Arrays.copyOf(a, a.length + b.length);
        int k = a.length;
        for (int x : b) {
            if (!contains(out, k, x)) {
                out[k++] = x;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    private static boolean contains(int[] a, int length, int x) {
        for (int k = 0; k < length; k++) {
            if (a[k] == x) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> toList(int[] a) {
        List<Integer> out = new ArrayList<>(a.length);
        for (int x : a) {
            out.add(x);
        }
        return out;
    }

    private static List<Integer> revisionsOnly(List<Integer> found) {
        return found.stream().filter(i -> i >= 0).toList();
    }

    private List<String> ids(List<Integer> found) {
        List<String> out = new ArrayList<>(found.size());
        for (int i : found) {
            out.add(revs[i].id());
        }
        return out;
    }

    private Set<String> idSet(int[] found) {
        return idSet(toList(found));
    }

    private Set<String> idSet(Collection<Integer> found) {
        Set<String> out = new LinkedHashSet<>();
        for (int i : found) {
            out.add(revs[i].id());
        }
        return Collections.unmodifiableSet(out);
    }
}
