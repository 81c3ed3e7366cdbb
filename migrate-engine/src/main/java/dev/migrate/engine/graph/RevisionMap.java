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

/**
 * The revision graph, as Alembic's {@code RevisionMap} holds it: revisions, their down revisions
 * and dependencies, heads, bases, branch points and branch labels, built and validated once from
 * a collection of {@link Revision}s and immutable afterwards. Knows nothing of files or
 * databases; {@code origin} only names where a revision came from in error messages. Targets are
 * resolved against it by {@link Target} and {@link Range}; its {@link #planner()} makes the
 * upgrade, downgrade and stamp plans.
 *
 * <p>Revisions are numbered in the order given (Alembic's insertion order, which breaks ties in
 * every ordering). Building the map and every plan is linear in the size of the graph.
 */
public final class RevisionMap {
    final Revision[] revs;
    private final Function<String, String> origin;
    final Map<String, Integer> index;
    final Map<String, Integer> labels;
    /** Version parents ('Revises:'). */
    final int[][] down;
    /** Version children. */
    final int[][] next;
    /** Parents including dependencies, without dependencies already implied by an ancestor. */
    final int[][] normDown;
    /** Children including dependents (reverse of {@link #normDown}). */
    final int[][] normNext;
    final TopologicalOrder ordering;
    /** Number of revisions that revise or depend on each revision. */
    private final int[] allNextCount;
    /** Revisions that no revision revises (Alembic's heads). */
    final int[] heads;
    /** Revisions that no revision revises or depends on (Alembic's real heads). */
    final int[] realHeads;
    final int[] bases;
    /** The branch labels covering each revision. */
    final List<Set<String>> covering;
    /** All revisions, newest first, in Alembic's history order. */
    final int[] historyOrder;
    final TargetResolver resolver;
    private final Planner planner;

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
        this.next = Edges.reverse(down);
        detectCycles(down, CycleDetectedException.Shape.CYCLE);
        int[][] allDown = new int[n][];
        for (int i = 0; i < n; i++) {
            allDown[i] = Edges.union(down[i], deps[i]);
        }
        detectCycles(allDown, CycleDetectedException.Shape.DEPENDENCY_CYCLE);
        this.allNextCount = new int[n];
        for (int[] parents : allDown) {
            for (int p : parents) {
                allNextCount[p]++;
            }
        }
        this.normDown = normalizeDependencies(deps);
        this.normNext = Edges.reverse(normDown);
        this.ordering = new TopologicalOrder(normDown, normNext);
        this.heads = Edges.select(n, i -> next[i].length == 0);
        this.realHeads = Edges.select(n, i -> allNextCount[i] == 0);
        this.bases = Edges.select(n, i -> down[i].length == 0);
        BitSet all = new BitSet(n);
        all.set(0, n);
        this.historyOrder = ordering.sort(all, Edges.toList(realHeads));
        this.covering = coverLabels();
        this.resolver = new TargetResolver(this);
        this.planner = new Planner(this);
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

    /** Makes the upgrade, downgrade and stamp plans and lists history on this graph. */
    public Planner planner() {
        return planner;
    }

    // ---------------------------------------------------------------- inspection

    /** The revision with exactly this id. */
    public Optional<Revision> find(String exactId) {
        Integer i = index.get(exactId);
        return i == null ? Optional.empty() : Optional.of(revs[i]);
    }

    /**
     * The revision with this id or branch label, or whose id or label (longer than 3 characters)
     * this unique prefix starts, as Alembic matches them.
     */
    public Revision get(String idOrPrefix) {
        return revs[resolver.revisionForIdent(idOrPrefix, null)];
    }

    /**
     * All revisions, bases first: the order in which {@code upgrade heads} runs them on an empty
     * database (the reverse of {@link Planner#history}).
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

    /**
     * Revisions that no revision revises, what {@code alembic heads} lists: the real heads and
     * the effective heads, those that other revisions only depend on.
     */
    public Set<String> versionHeads() {
        return idSet(heads);
    }

    /** Revisions that revise nothing. */
    public Set<String> bases() {
        return idSet(bases);
    }

    /** Revisions revised by more than one revision. */
    public Set<String> branchPoints() {
        return idSet(Edges.select(revs.length, i -> next[i].length > 1));
    }

    /** Revisions that revise more than one revision. */
    public Set<String> mergePoints() {
        return idSet(Edges.select(revs.length, i -> down[i].length > 1));
    }

    /**
     * What {@code current} shows, as Alembic's does: of the revisions the version rows imply (the
     * rows, their ancestors and what they depend on), those that no applied revision revises. A
     * depended-on revision at the end of its own branch is shown although it has no row.
     */
    public Set<String> appliedBranchHeads(Set<String> versionRows) {
        BitSet applied = Edges.closure(currentIndexes(versionRows), normDown, true);
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

    // ---------------------------------------------------------------- the same with target text

    /**
     * The revisions a target names, given the database's current heads (for relative targets).
     * {@code base} names no revision. A range is refused ({@link RangeNotAllowedException}).
     */
    public Set<String> resolve(String target, Set<String> currentHeads) {
        return idSet(Planner.revisionsOnly(resolver.resolve(Target.parse(target), currentIndexes(currentHeads))));
    }

    /**
     * What a new revision's {@code Depends On:} line says for a target, as {@code alembic revision
     * --depends-on} writes it: the branch label when the target is one, else the id of the one
     * revision it names (a prefix or {@code label@head} becomes the full id).
     */
    public String dependencyReference(String target) {
        List<Integer> found = Planner.revisionsOnly(resolver.resolve(Target.parse(target), List.of()));
        if (found.size() != 1) {
            throw found.isEmpty() ? new InvalidTargetException(target, "Dependency '" + target
                    + "' names no revision: give a revision id, a unique prefix or a branch label.")
                    : new MultipleHeadsException(ids(found), target);
        }
        Revision r = revs[found.get(0)];
        return r.branchLabels().contains(target) ? target : r.id();
    }

    /** {@code planner().upgrade(currentHeads, Target.parse(target))}. */
    public Plan upgrade(Set<String> currentHeads, String target) {
        return planner.upgrade(currentHeads, Target.parse(target));
    }

    /** {@code planner().downgrade(currentHeads, Target.parse(target))}. */
    public Plan downgrade(Set<String> currentHeads, String target) {
        return planner.downgrade(currentHeads, Target.parse(target));
    }

    /** {@code planner().stamp(...)} with each target parsed. */
    public Plan stamp(Set<String> currentHeads, List<String> targets, boolean purge) {
        return planner.stamp(currentHeads, targets.stream().map(Target::parse).toList(), purge);
    }

    /** History of a range ({@code null} or blank: everything), as {@link Planner#history} lists it. */
    public List<Revision> history(String range, Set<String> currentHeads) {
        return range == null || range.isBlank() ? planner.history() : planner.history(Range.parse(range), currentHeads);
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
            throw new CycleDetectedException(CycleDetectedException.Shape.SELF_LOOP, List.of(r.id()),
                    origin.apply(r.id()));
        }
        if (r.dependsOn().contains(r.id())) {
            throw new CycleDetectedException(CycleDetectedException.Shape.DEPENDENCY_SELF_LOOP, List.of(r.id()),
                    origin.apply(r.id()));
        }
    }

    private int[] resolveReferences(int i, List<String> names, MissingRevisionException.Reference reference) {
        if (names.isEmpty()) {
            return Edges.NONE;
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
            if (!Edges.contains(out, k, target)) {
                out[k++] = target;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /** Peels sources and sinks off (Kahn's algorithm both ways); what is left lies on cycles. */
    private void detectCycles(int[][] parents, CycleDetectedException.Shape kind) {
        int n = revs.length;
        int[][] children = Edges.reverse(parents);
        BitSet peeled = Edges.peel(parents, children);
        if (peeled.cardinality() == n) {
            return;
        }
        BitSet fromTop = Edges.peel(children, parents);
        List<String> cycle = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!peeled.get(i) && !fromTop.get(i)) {
                cycle.add(revs[i].id());
            }
        }
        Collections.sort(cycle);
        throw new CycleDetectedException(kind, cycle, null);
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
                BitSet ancestors = Edges.closure(List.of(i), down, false);
                for (int a = ancestors.nextSetBit(0); a >= 0; a = ancestors.nextSetBit(a + 1)) {
                    for (int d : deps[a]) {
                        implied.set(d);
                    }
                }
                kept = Arrays.stream(kept).filter(d -> !implied.get(d)).toArray();
            }
            out[i] = Edges.union(down[i], kept);
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

    // ---------------------------------------------------------------- shared with the resolver and planner

    /** The numbers of the database's current heads, sorted; an id the graph lacks is an error. */
    List<Integer> currentIndexes(Set<String> currentHeads) {
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

    int indexOf(String id) {
        Integer i = index.get(id);
        if (i == null) {
            throw new UnknownRevisionException(id);
        }
        return i;
    }

    /** Revisions that are ancestors or descendants (or one) of the given ones. */
    BitSet lineage(List<Integer> of, boolean includeDeps) {
        BitSet out = Edges.closure(of, includeDeps ? normDown : down, true);
        out.or(Edges.closure(of, includeDeps ? normNext : next, true));
        return out;
    }

    List<String> ids(List<Integer> found) {
        List<String> out = new ArrayList<>(found.size());
        for (int i : found) {
            out.add(revs[i].id());
        }
        return out;
    }

    Set<String> idSet(int[] found) {
        return idSet(Edges.toList(found));
    }

    Set<String> idSet(Collection<Integer> found) {
        Set<String> out = new LinkedHashSet<>();
        for (int i : found) {
            out.add(revs[i].id());
        }
        return Collections.unmodifiableSet(out);
    }
}
