package dev.migrate.engine.lint;

import dev.migrate.engine.lint.CatalogSnapshot.Column;
import dev.migrate.engine.lint.CatalogSnapshot.Constraint;
import dev.migrate.engine.lint.CatalogSnapshot.Index;
import dev.migrate.engine.lint.CatalogSnapshot.Relation;
import dev.migrate.engine.lint.Measurer.MeasuredRevision;
import dev.migrate.engine.lint.Measurer.MeasuredStatement;
import dev.migrate.engine.lint.StatementFacts.Changed;
import dev.migrate.engine.lint.StatementFacts.Renamed;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.SqlStatement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what each statement did (measured) and what it says (text) into findings. Measured facts
 * come first: a hazard is named by the rule for what happened (an index built under SHARE, a
 * rewrite under ACCESS EXCLUSIVE), whether the statement is plain DDL, a DO block, a function call
 * or a cascade. What is left unexplained (a strong lock, a rewrite, a scan) gets a rule of its own.
 */
final class Analyzer {
    private static final Pattern LONG_IDENTIFIER = Pattern.compile("\"([^\"]{64,})\"|\\b([A-Za-z_][A-Za-z0-9_$]{63,})\\b");
    private static final Pattern SETS_LOCK_TIMEOUT = Pattern.compile("^SET (LOCAL |SESSION )?LOCK_TIMEOUT\\b");
    private static final Pattern SETS_STATEMENT_TIMEOUT = Pattern.compile("^SET (LOCAL |SESSION )?STATEMENT_TIMEOUT\\b");

    private final int pgVersion;
    private final boolean environmentLockTimeout;
    private final boolean environmentStatementTimeout;

    /**
     * @param pgVersion              the major version of the target server, for version-dependent rules
     * @param environmentLockTimeout whether the environment sets a short {@code lockTimeout} itself
     */
    Analyzer(int pgVersion, boolean environmentLockTimeout) {
        this(pgVersion, environmentLockTimeout, false);
    }

    Analyzer(int pgVersion, boolean environmentLockTimeout, boolean environmentStatementTimeout) {
        this.pgVersion = pgVersion;
        this.environmentLockTimeout = environmentLockTimeout;
        this.environmentStatementTimeout = environmentStatementTimeout;
    }

    List<Finding> analyze(MeasuredRevision measured, String file) {
        RevisionScript script = measured.script();
        Findings out = new Findings(script.id(), file);
        boolean lockTimeoutSet = environmentLockTimeout;
        boolean lockTimeoutReported = false;
        boolean statementTimeoutSet = environmentStatementTimeout;
        for (MeasuredStatement m : measured.statements()) {
            SqlStatement statement = m.statement();
            SqlText text = SqlText.of(statement.sql());
            if (SETS_LOCK_TIMEOUT.matcher(text.keywords()).find() && !text.contains("LOCK_TIMEOUT (TO|=) (0|''|DEFAULT)")) {
                lockTimeoutSet = true;
            }
            if (SETS_STATEMENT_TIMEOUT.matcher(text.keywords()).find() && !text.contains("STATEMENT_TIMEOUT (TO|=) (0|''|DEFAULT)")) {
                statementTimeoutSet = true;
            }
            textRules(text, statement, script, out);
            StatementFacts facts = m.facts();
            if (facts.failure().isPresent()) {
                failure(text, statement, script, facts.failure().get(), out);
                continue;
            }
            Set<Long> explained = new HashSet<>();
            measuredRules(text, statement, script, facts, explained, out);
            if (!lockTimeoutSet && !lockTimeoutReported) {
                Optional<Map.Entry<Relation, TableLock>> blocking = facts.locks().entrySet().stream()
                        .filter(e -> e.getValue().blocksWrites())
                        .max(Map.Entry.comparingByValue());
                if (blocking.isPresent()) {
                    out.add(statement, Rules.REQUIRE_LOCK_TIMEOUT, blocking.get().getValue().display() + " on "
                            + blocking.get().getKey().qualified() + " without a lock_timeout: queued behind a long transaction it blocks "
                            + blocking.get().getValue().blocks() + " on that table", true);
                    lockTimeoutReported = true;
                }
            }
            if (!statementTimeoutSet) {
                Optional<Relation> longRunning = facts.locks().entrySet().stream()
                        .filter(e -> e.getValue().blocksWrites())
                        .filter(e -> facts.rewritten().contains(e.getKey()) || facts.scanned().contains(e.getKey()))
                        .map(Map.Entry::getKey).findFirst();
                if (longRunning.isPresent()) {
                    TableLock lock = facts.locks().get(longRunning.get());
                    out.add(statement, Rules.REQUIRE_STATEMENT_TIMEOUT, lock.display() + " on " + longRunning.get().qualified()
                            + " for a " + (facts.rewritten().contains(longRunning.get()) ? "rewrite" : "scan")
                            + " of the whole table without a statement_timeout: it blocks " + lock.blocks()
                            + " on that table for as long as it runs", true);
                }
            }
        }
        return out.list;
    }

    private void textRules(SqlText text, SqlStatement statement, RevisionScript script, Findings out) {
        if (text.startsWith("BEGIN|START TRANSACTION|COMMIT|ROLLBACK|END|ABORT|SAVEPOINT|RELEASE|PREPARE TRANSACTION")
                && !text.startsWith("BEGIN ATOMIC")) {
            out.add(statement, Rules.TRANSACTION_NESTING, "transaction control '" + first(text.keywords(), 3) + "' inside the revision", false);
        }
        if (text.startsWith("DROP DATABASE")) {
            out.add(statement, Rules.BAN_DROP_DATABASE, "DROP DATABASE in a migration", false);
        }
        if (text.startsWith("CREATE DOMAIN") && text.contains("CHECK|NOT NULL|CONSTRAINT")) {
            out.add(statement, Rules.BAN_CREATE_DOMAIN_WITH_CONSTRAINT, "domain created with a constraint", false);
        }
        if (text.startsWith("ALTER DOMAIN") && text.contains("ADD") && !text.contains("NOT VALID")) {
            out.add(statement, Rules.BAN_ALTER_DOMAIN_ADD_CONSTRAINT, "constraint added to a domain", false);
        }
        if (text.startsWith("ALTER TYPE") && text.contains("ADD VALUE") && !text.contains("BEFORE|AFTER")) {
            out.add(statement, Rules.REQUIRE_ENUM_VALUE_ORDERING, "enum value added without BEFORE or AFTER", false);
        }
        if (text.startsWith("TRUNCATE") && text.contains("CASCADE")) {
            out.add(statement, Rules.BAN_TRUNCATE_CASCADE, "TRUNCATE ... CASCADE empties the referencing tables too", false);
        }
        if (pgVersion < 11 && text.startsWith("ALTER TABLE") && text.contains("ADD (COLUMN )?.*DEFAULT")) {
            out.add(statement, Rules.ADDING_FIELD_WITH_DEFAULT, "a column with a default rewrites the table on PostgreSQL " + pgVersion, false);
        }
        if (!script.transactional() && !text.contains("IF (NOT )?EXISTS")
                && text.startsWith("CREATE (UNIQUE )?INDEX|DROP INDEX|CREATE TABLE|DROP TABLE|ALTER TABLE [^ ]+ ADD COLUMN|ALTER TABLE [^ ]+ DROP COLUMN")) {
            out.add(statement, Rules.PREFER_ROBUST_STMTS, "'" + first(text.keywords(), 3) + "' without IF [NOT] EXISTS in a non-transactional revision", false);
        }
        Matcher m = LONG_IDENTIFIER.matcher(text.keywords().replace("''", " "));
        if (m.find()) {
            String id = m.group(1) != null ? m.group(1) : m.group(2);
            out.add(statement, Rules.IDENTIFIER_TOO_LONG, "identifier of " + id.length() + " characters is truncated to 63 bytes", false);
        }
    }

    private void failure(SqlText text, SqlStatement statement, RevisionScript script, StatementFacts.Failure failure, Findings out) {
        if ("25001".equals(failure.sqlState()) && text.contains("CONCURRENTLY")) {
            out.add(statement, Rules.CONCURRENTLY_IN_TRANSACTION, "'" + first(text.keywords(), 3) + " CONCURRENTLY' inside the revision's transaction fails (SQLSTATE 25001)", true);
        } else if ("23502".equals(failure.sqlState()) && text.contains("ADD (COLUMN )?") && text.contains("NOT NULL")) {
            out.add(statement, Rules.ADDING_REQUIRED_FIELD, "NOT NULL column without a default fails on rows already there (SQLSTATE 23502)", true);
        } else {
            out.add(statement, Rules.STATEMENT_FAILS, "fails on a copy of the schema: SQLSTATE " + failure.sqlState() + ": " + failure.message(), true);
        }
    }

    private void measuredRules(SqlText text, SqlStatement statement, RevisionScript script, StatementFacts f,
                               Set<Long> explained, Findings out) {
        CatalogSnapshot before = f.before();
        CatalogSnapshot after = f.after();
        Set<Long> constraintIndexes = new HashSet<>();
        for (Constraint c : f.locksObserved() ? f.addedConstraints() : List.<Constraint>of()) {
            Relation table = after.relations().get(c.relid());
            TableLock lock = f.lockOn(table).orElse(TableLock.ACCESS_EXCLUSIVE);
            switch (c.type()) {
                case 'f' -> {
                    if (c.validated()) {
                        Relation referenced = after.relations().get(c.referencedRelid());
                        String both = referenced == null || referenced.oid() == table.oid() ? table.qualified()
                                : table.qualified() + " and " + referenced.qualified() + " (referenced"
                                + (f.lockOn(referenced).map(l -> ", " + l.display()).orElse("") + ")");
                        out.add(statement, Rules.ADDING_FOREIGN_KEY, lock.display() + " on " + both
                                + " while checking every row for foreign key " + c.name(), true);
                        explained.add(table.oid());
                        if (referenced != null) {
                            explained.add(referenced.oid());
                        }
                    }
                }
                case 'c' -> {
                    if (c.validated()) {
                        out.add(statement, Rules.CONSTRAINT_MISSING_NOT_VALID, lock.display() + " on " + table.qualified()
                                + " while checking every row for constraint " + c.name(), true);
                        explained.add(table.oid());
                    }
                }
                case 'p', 'u', 'x' -> {
                    constraintIndexes.add(c.indexOid());
                    if (!before.indexes().containsKey(c.indexOid())) {
                        boolean primary = c.type() == 'p';
                        out.add(statement, primary ? Rules.ADDING_SERIAL_PRIMARY_KEY : Rules.DISALLOWED_UNIQUE_CONSTRAINT,
                                lock.display() + " on " + table.qualified() + (f.rewrote(table.oid()) ? " with a table rewrite" : "")
                                        + " while building the index of " + (primary ? "primary key " : "constraint ") + c.name(), true);
                        explained.add(table.oid());
                    }
                }
                default -> {
                }
            }
        }
        for (Constraint c : f.validatedConstraints()) {
            if (script.transactional()) {
                Relation table = after.relations().get(c.relid());
                out.add(statement, Rules.CONSTRAINT_MISSING_NOT_VALID, "constraint " + c.name() + " on " + table.qualified()
                        + " validated in the transaction that added it: the ADD's lock is held through the scan", true);
                explained.add(table.oid());
            }
        }
        for (Relation index : f.addedIndexes()) {
            Index meta = after.indexes().get(index.oid());
            if (constraintIndexes.contains(index.oid())) {
                continue;
            }
            Relation table = after.relations().get(meta.relid());
            Optional<TableLock> lock = f.lockOn(table);
            if (lock.isPresent() && lock.get().compareTo(TableLock.SHARE) >= 0) {
                out.add(statement, Rules.REQUIRE_CONCURRENT_INDEX_CREATION, lock.get().display() + " on " + table.qualified()
                        + " while building index " + index.qualified(), true);
                explained.add(table.oid());
            }
        }
        for (Relation index : f.droppedIndexes()) {
            Index meta = before.indexes().get(index.oid());
            if (meta == null || meta.primary() || !after.relations().containsKey(meta.relid())) {
                continue;
            }
            boolean constraintIndex = before.constraints().values().stream().anyMatch(c -> c.indexOid() == index.oid());
            Relation table = after.relations().get(meta.relid());
            Optional<TableLock> lock = f.lockOn(table);
            if (!constraintIndex && lock.isPresent() && lock.get() == TableLock.ACCESS_EXCLUSIVE) {
                out.add(statement, Rules.REQUIRE_CONCURRENT_INDEX_DELETION, "ACCESS EXCLUSIVE on " + table.qualified()
                        + " while dropping index " + index.qualified(), true);
                explained.add(table.oid());
            }
        }
        for (Changed change : f.changedColumns()) {
            Relation table = after.relations().get(change.to().relid());
            String column = table.qualified() + "." + change.from().name();
            String lock = f.lockOn(table).map(TableLock::display).orElse("ACCESS EXCLUSIVE");
            if (change.typeChanged()) {
                boolean rewrite = f.rewrote(table.oid());
                out.add(statement, Rules.CHANGING_COLUMN_TYPE, rewrite ? Severity.ERROR : Severity.WARNING,
                        lock + " on " + table.qualified() + (rewrite ? " with a table rewrite" : " (no rewrite)") + " to change "
                                + column + " from " + change.from().type() + " to " + change.to().type(), true);
                explained.add(table.oid());
            }
            if (change.renamed()) {
                out.add(statement, Rules.RENAMING_COLUMN, "column " + column + " renamed to " + change.to().name()
                        + ": running clients that use " + change.from().name() + " fail", true);
                explained.add(table.oid());
            }
            if (change.setNotNull() && f.scannedTable(table.oid())) {
                out.add(statement, Rules.ADDING_NOT_NULLABLE_FIELD, lock + " on " + table.qualified()
                        + " with a full scan to check " + column + " for nulls", true);
                explained.add(table.oid());
            } else if (change.setNotNull()) {
                explained.add(table.oid());
            }
            if (change.droppedNotNull()) {
                out.add(statement, Rules.BAN_DROP_NOT_NULL, column + " accepts nulls from now on", true);
                explained.add(table.oid());
            }
        }
        for (Column column : f.droppedColumns()) {
            Relation table = after.relations().get(column.relid());
            if (table != null && table.kind() != 'v') {
                out.add(statement, Rules.BAN_DROP_COLUMN, "column " + table.qualified() + "." + column.name() + " dropped", true);
                explained.add(table.oid());
            }
        }
        for (Column column : f.addedColumns()) {
            Relation table = after.relations().get(column.relid());
            String lock = f.lockOn(table).map(TableLock::display).orElse("ACCESS EXCLUSIVE");
            boolean inNewKey = f.addedConstraints().stream().anyMatch(c -> c.relid() == table.oid() && c.type() == 'p');
            if (f.rewrote(table.oid()) && !inNewKey) {
                out.add(statement, Rules.ADDING_FIELD_WITH_DEFAULT, lock + " on " + table.qualified()
                        + " with a table rewrite to fill column " + column.name()
                        + (column.generated().equals("s") ? " (stored generated)" : " (default " + column.defaultExpression() + ")"), true);
                explained.add(table.oid());
            } else if (column.notNull() && column.defaultExpression() == null && column.identity().isEmpty()
                    && column.generated().isEmpty() && !inNewKey) {
                out.add(statement, Rules.ADDING_REQUIRED_FIELD, "NOT NULL column " + table.qualified() + "." + column.name()
                        + " without a default: it fails on a table with rows, and INSERTs from running clients fail", true);
                explained.add(table.oid());
            } else if (inNewKey) {
                explained.add(table.oid());
            }
        }
        for (Column column : f.newColumns()) {
            Relation table = after.relations().get(column.relid());
            String name = table.qualified() + "." + column.name();
            String type = column.type();
            if (type.startsWith("character(")) {
                out.add(statement, Rules.BAN_CHAR_FIELD, "column " + name + " is " + type, true);
            } else if (type.equals("integer")) {
                out.add(statement, Rules.PREFER_BIGINT_OVER_INT, "column " + name + " is integer", true);
            } else if (type.equals("smallint")) {
                out.add(statement, Rules.PREFER_BIGINT_OVER_SMALLINT, "column " + name + " is smallint", true);
            } else if (type.startsWith("character varying(")) {
                out.add(statement, Rules.PREFER_TEXT_FIELD, "column " + name + " is " + type, true);
            } else if (type.equals("timestamp without time zone")) {
                out.add(statement, Rules.PREFER_TIMESTAMPTZ, "column " + name + " is timestamp without time zone", true);
            }
            if (column.serial()) {
                out.add(statement, Rules.PREFER_IDENTITY, "column " + name + " is serial", true);
            }
        }
        for (Renamed<Relation> renamed : f.renamedRelations()) {
            if (renamed.from().isTable() || renamed.from().kind() == 'v') {
                out.add(statement, Rules.RENAMING_TABLE, (renamed.from().kind() == 'v' ? "view " : "table ") + renamed.from().qualified()
                        + " renamed to " + renamed.to().qualified() + ": running clients that use the old name fail", true);
                explained.add(renamed.to().oid());
            }
        }
        boolean tableDropped = f.droppedRelations().stream().anyMatch(Relation::isTable);
        for (Relation dropped : f.droppedRelations()) {
            if (dropped.kind() == 'r' || dropped.kind() == 'p') {
                out.add(statement, Rules.BAN_DROP_TABLE, "table " + dropped.qualified() + " dropped" + (text.names(dropped.name()) ? "" : " by a cascade"), true);
            } else if (dropped.kind() == 'S' && tableDropped) {
                continue; // a serial column's sequence goes with its table
            } else if (dropped.kind() != 'i' && dropped.kind() != 't' && dropped.kind() != 'c') {
                out.add(statement, Rules.DESTRUCTIVE_CHANGE, kind(dropped.kind()) + " " + dropped.qualified() + " dropped"
                        + (text.names(dropped.name()) ? "" : " by a cascade"), true);
            }
        }
        for (String object : f.droppedObjects()) {
            out.add(statement, Rules.DESTRUCTIVE_CHANGE, object + " dropped", true);
        }
        boolean repack = text.startsWith("VACUUM") && text.contains("FULL") || text.startsWith("CLUSTER");
        for (Relation table : f.rewritten()) {
            if (explained.contains(table.oid())) {
                continue;
            }
            String lock = f.lockOn(table).map(TableLock::display).orElse("ACCESS EXCLUSIVE");
            if (repack) {
                out.add(statement, Rules.PREFER_REPACK, lock + " on " + table.qualified() + " with a table rewrite", true);
            } else if (text.startsWith("TRUNCATE")) {
                continue; // emptied on purpose; a cascade is reported from the text
            } else {
                out.add(statement, Rules.TABLE_REWRITE, lock + " on " + table.qualified() + " with a table rewrite", true);
            }
            explained.add(table.oid());
        }
        for (Relation index : f.rebuiltIndexes()) {
            Relation table = after.relations().get(after.owningTable(index.oid()));
            if (table == null || explained.contains(table.oid()) || !f.locksObserved() || repack) {
                continue;
            }
            if (pgVersion >= 12) {
                String lock = f.lockOn(table).map(TableLock::display).orElse("SHARE");
                out.add(statement, Rules.REQUIRE_CONCURRENT_REINDEX, lock + " on " + table.qualified() + " while rebuilding index " + index.qualified(), true);
            }
            explained.add(table.oid());
        }
        if (pgVersion >= 14 && text.contains("DETACH PARTITION") && !text.contains("CONCURRENTLY|FINALIZE")) {
            f.locks().forEach((table, lock) -> {
                if (lock == TableLock.ACCESS_EXCLUSIVE && table.kind() == 'p') {
                    out.add(statement, Rules.REQUIRE_CONCURRENT_DETACH, "ACCESS EXCLUSIVE on " + table.qualified() + " while detaching a partition", true);
                    explained.add(table.oid());
                }
            });
        }
        for (Relation table : f.scanned()) {
            TableLock lock = f.lockOn(table).orElse(null);
            if (explained.contains(table.oid()) || lock == null || !lock.blocksWrites() || text.startsWith("TRUNCATE")) {
                continue;
            }
            out.add(statement, Rules.FULL_TABLE_SCAN, lock.display() + " on " + table.qualified() + " with a full scan", true);
            explained.add(table.oid());
        }
        f.locks().forEach((table, lock) -> {
            if (lock.blocksWrites() && !explained.contains(table.oid()) && !text.names(table.name())) {
                out.add(statement, Rules.INDIRECT_LOCK, lock.display() + " on " + table.qualified()
                        + ", a table the statement does not name (taken by a trigger, function, DO block or cascade)", true);
            }
        });
    }

    private static String kind(char relkind) {
        return switch (relkind) {
            case 'v' -> "view";
            case 'm' -> "materialized view";
            case 'S' -> "sequence";
            case 'f' -> "foreign table";
            default -> "relation";
        };
    }

    private static String first(String keywords, int words) {
        String[] parts = keywords.split(" ");
        return String.join(" ", java.util.Arrays.copyOf(parts, Math.min(words, parts.length)));
    }

    /** Findings of one revision, in statement order. */
    private static final class Findings {
        private final String revision;
        private final String file;
        private final List<Finding> list = new ArrayList<>();

        Findings(String revision, String file) {
            this.revision = revision;
            this.file = file;
        }

        void add(SqlStatement statement, Rule rule, String summary, boolean measured) {
            add(statement, rule, rule.severity(), summary, measured);
        }

        void add(SqlStatement statement, Rule rule, Severity severity, String summary, boolean measured) {
            list.add(new Finding(revision, file, statement.line(), rule, severity, summary, measured, Optional.empty()));
        }
    }
}
