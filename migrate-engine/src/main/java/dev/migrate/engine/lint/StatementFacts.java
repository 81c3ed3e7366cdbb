package dev.migrate.engine.lint;

import dev.migrate.engine.lint.CatalogSnapshot.Column;
import dev.migrate.engine.lint.CatalogSnapshot.Constraint;
import dev.migrate.engine.lint.CatalogSnapshot.Index;
import dev.migrate.engine.lint.CatalogSnapshot.Relation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one statement did on the scratch database, measured, to relations that existed before its
 * revision: the locks it took (new or stronger than before it), the tables and indexes it rewrote
 * (new file node), the tables it scanned sequentially, and what the catalog says it added, dropped,
 * renamed or changed. {@code locksObserved} is false for a statement that had to run outside a
 * transaction (its locks are gone before they can be read).
 */
record StatementFacts(
        Map<Relation, TableLock> locks,
        boolean locksObserved,
        List<Relation> rewritten,
        List<Relation> rebuiltIndexes,
        List<Relation> scanned,
        List<Relation> droppedRelations,
        List<Renamed<Relation>> renamedRelations,
        List<Relation> addedIndexes,
        List<Relation> droppedIndexes,
        List<Constraint> addedConstraints,
        List<Constraint> validatedConstraints,
        List<Changed> changedColumns,
        List<Column> droppedColumns,
        List<Column> addedColumns,
        List<Column> newColumns,
        List<String> droppedObjects,
        Optional<Failure> failure,
        CatalogSnapshot before,
        CatalogSnapshot after) {

    record Renamed<T>(T from, T to) {
    }

    /** A column of a pre-existing table whose definition changed. */
    record Changed(Column from, Column to) {
        boolean typeChanged() {
            return !from.type().equals(to.type());
        }

        boolean renamed() {
            return !from.name().equals(to.name());
        }

        boolean setNotNull() {
            return !from.notNull() && to.notNull();
        }

        boolean droppedNotNull() {
            return from.notNull() && !to.notNull();
        }
    }

    /** The statement failed on the scratch database. */
    record Failure(String sqlState, String message) {
    }

    static StatementFacts failed(String sqlState, String message, CatalogSnapshot before) {
        return new StatementFacts(Map.of(), true, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                Optional.of(new Failure(sqlState, message)), before, before);
    }

    /**
     * The facts of a statement, from the snapshot taken before its revision ({@code base}), the one
     * before it ({@code before}) and the one after it ({@code after}). {@code freshTransaction}: it
     * ran in a transaction of its own, so every lock and scan counter is its own.
     */
    static StatementFacts between(CatalogSnapshot base, CatalogSnapshot before, CatalogSnapshot after,
                                  boolean freshTransaction, boolean locksObserved) {
        Map<Relation, TableLock> locks = new LinkedHashMap<>();
        for (Map.Entry<Long, TableLock> lock : after.locks().entrySet()) {
            Relation relation = base.relations().get(lock.getKey());
            if (relation == null || !relation.isTable()) {
                continue;
            }
            TableLock held = freshTransaction ? null : before.locks().get(lock.getKey());
            if (held == null || lock.getValue().compareTo(held) > 0) {
                locks.put(after.relations().getOrDefault(relation.oid(), relation), lock.getValue());
            }
        }
        List<Relation> rewritten = new ArrayList<>();
        List<Relation> rebuilt = new ArrayList<>();
        List<Relation> dropped = new ArrayList<>();
        List<Renamed<Relation>> renamed = new ArrayList<>();
        List<Relation> droppedIndexes = new ArrayList<>();
        Set<Long> rewrittenTables = new HashSet<>();
        for (Relation was : base.relations().values()) {
            Relation prior = before.relations().get(was.oid());
            if (prior == null) {
                continue; // dropped by an earlier statement
            }
            Relation now = after.relations().get(was.oid());
            if (now == null) {
                if (was.kind() == 'i') {
                    droppedIndexes.add(prior);
                } else {
                    dropped.add(prior);
                }
                continue;
            }
            if (!now.name().equals(prior.name()) || !now.schema().equals(prior.schema())) {
                renamed.add(new Renamed<>(prior, now));
            }
            if (now.fileNode() != prior.fileNode() && prior.fileNode() != 0) {
                if (now.isTable()) {
                    rewritten.add(now);
                    rewrittenTables.add(now.oid());
                } else if (now.kind() == 'i') {
                    rebuilt.add(now);
                }
            }
        }
        rebuilt.removeIf(index -> rewrittenTables.contains(after.owningTable(index.oid())));
        List<Relation> scanned = new ArrayList<>();
        for (Map.Entry<Long, Long> scan : locksObserved ? after.seqScans().entrySet() : Set.<Map.Entry<Long, Long>>of()) {
            Relation relation = base.relations().get(scan.getKey());
            long previous = freshTransaction ? 0 : before.seqScans().getOrDefault(scan.getKey(), 0L);
            if (relation != null && scan.getValue() > previous) {
                scanned.add(after.relations().getOrDefault(relation.oid(), relation));
            }
        }
        List<Relation> addedIndexes = new ArrayList<>();
        for (Index index : after.indexes().values()) {
            if (!before.indexes().containsKey(index.oid()) && base.relations().containsKey(index.relid())) {
                addedIndexes.add(after.relations().get(index.oid()));
            }
        }
        List<Constraint> added = new ArrayList<>();
        List<Constraint> validated = new ArrayList<>();
        for (Constraint constraint : after.constraints().values()) {
            Constraint prior = before.constraints().get(constraint.oid());
            if (prior == null && base.relations().containsKey(constraint.relid())) {
                added.add(constraint);
            } else if (prior != null && !prior.validated() && constraint.validated() && !freshTransaction
                    && !base.constraints().containsKey(constraint.oid())) {
                validated.add(constraint);
            }
        }
        List<Changed> changed = new ArrayList<>();
        List<Column> droppedColumns = new ArrayList<>();
        for (Column was : before.columns().values()) {
            if (!base.relations().containsKey(was.relid()) || !base.columns().containsKey(was.key())) {
                continue;
            }
            Column now = after.columns().get(was.key());
            if (now == null) {
                if (after.relations().containsKey(was.relid())) {
                    droppedColumns.add(was);
                }
            } else if (!now.equals(was)) {
                changed.add(new Changed(was, now));
            }
        }
        List<Column> addedColumns = new ArrayList<>();
        List<Column> newColumns = new ArrayList<>();
        for (Column column : after.columns().values()) {
            if (!before.columns().containsKey(column.key())) {
                Relation table = after.relations().get(column.relid());
                if (table != null && table.kind() != 'v') {
                    newColumns.add(column);
                    if (base.relations().containsKey(column.relid())) {
                        addedColumns.add(column);
                    }
                }
            }
        }
        List<String> droppedObjects = new ArrayList<>();
        before.objects().forEach((key, description) -> {
            if (!after.objects().containsKey(key) && base.objects().containsKey(key)) {
                droppedObjects.add(description);
            }
        });
        droppedObjects.sort(null);
        return new StatementFacts(locks, locksObserved, rewritten, rebuilt, scanned, dropped, renamed, addedIndexes,
                droppedIndexes, added, validated, changed, droppedColumns, addedColumns, newColumns, droppedObjects,
                Optional.empty(), before, after);
    }

    Optional<TableLock> lockOn(Relation relation) {
        return locks.entrySet().stream().filter(e -> e.getKey().oid() == relation.oid()).map(Map.Entry::getValue).findFirst();
    }

    boolean rewrote(long oid) {
        return rewritten.stream().anyMatch(r -> r.oid() == oid);
    }

    boolean scannedTable(long oid) {
        return scanned.stream().anyMatch(r -> r.oid() == oid);
    }
}
