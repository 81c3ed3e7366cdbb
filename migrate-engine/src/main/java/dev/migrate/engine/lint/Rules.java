package dev.migrate.engine.lint;

import static dev.migrate.engine.Advice.command;

import java.util.List;
import java.util.Optional;

/** Every rule {@code lint} applies, measured or static. */
public final class Rules {
    private Rules() {
    }

    private static final String NON_TRANSACTIONAL = "in a revision marked '-- Transactional: false'";

    public static final Rule REQUIRE_CONCURRENT_INDEX_CREATION = new Rule("require-concurrent-index-creation", Severity.ERROR, 0, 0,
            "CREATE INDEX without CONCURRENTLY holds a SHARE lock on the table for the whole build: every INSERT, UPDATE and DELETE waits until the index is built",
            "build it with CREATE INDEX CONCURRENTLY " + NON_TRANSACTIONAL);
    public static final Rule REQUIRE_CONCURRENT_INDEX_DELETION = new Rule("require-concurrent-index-deletion", Severity.ERROR, 0, 0,
            "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table: reads and writes wait, and queue behind any long query on it",
            "drop it with DROP INDEX CONCURRENTLY " + NON_TRANSACTIONAL);
    public static final Rule CONCURRENTLY_IN_TRANSACTION = new Rule("ban-concurrent-index-creation-in-transaction", Severity.ERROR, 0, 0,
            "CREATE/DROP INDEX CONCURRENTLY cannot run inside a transaction block: the revision fails with SQLSTATE 25001",
            "move the statement to a revision marked '-- Transactional: false'");
    public static final Rule ADDING_FOREIGN_KEY = new Rule("adding-foreign-key-constraint", Severity.ERROR, 0, 0,
            "a validated foreign key takes SHARE ROW EXCLUSIVE on both tables and checks every row while holding it: writes to both tables wait",
            "add it NOT VALID, then VALIDATE CONSTRAINT in a later revision (that takes only SHARE UPDATE EXCLUSIVE)");
    public static final Rule CONSTRAINT_MISSING_NOT_VALID = new Rule("constraint-missing-not-valid", Severity.ERROR, 0, 0,
            "a validated CHECK constraint is checked against every row under ACCESS EXCLUSIVE: reads and writes wait for the whole scan",
            "add it NOT VALID, then VALIDATE CONSTRAINT in a later revision (that takes only SHARE UPDATE EXCLUSIVE)");
    public static final Rule ADDING_NOT_NULLABLE_FIELD = new Rule("adding-not-nullable-field", Severity.ERROR, 0, 0,
            "SET NOT NULL scans every row under ACCESS EXCLUSIVE to look for nulls: reads and writes wait for the whole scan",
            "add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it in a later revision, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the check");
    public static final Rule ADDING_REQUIRED_FIELD = new Rule("adding-required-field", Severity.ERROR, 0, 0,
            "a NOT NULL column without a default fails on a table that has rows, and INSERTs from running clients that do not know the column fail",
            "give it a DEFAULT (free since PostgreSQL 11), or add it nullable, backfill, and add NOT NULL through a validated check");
    public static final Rule CHANGING_COLUMN_TYPE = new Rule("changing-column-type", Severity.ERROR, 0, 0,
            "changing a column's type takes ACCESS EXCLUSIVE and, unless the types are binary compatible, rewrites the table and rebuilds its indexes while reads and writes wait",
            "add a new column, backfill, swap");
    public static final Rule ADDING_FIELD_WITH_DEFAULT = new Rule("adding-field-with-default", Severity.ERROR, 0, 0,
            "a column with a volatile default (or a stored generated column, or any default before PostgreSQL 11) rewrites the whole table under ACCESS EXCLUSIVE",
            "add the column without a default, then SET DEFAULT, then backfill existing rows in batches");
    public static final Rule ADDING_SERIAL_PRIMARY_KEY = new Rule("adding-serial-primary-key-field", Severity.ERROR, 0, 0,
            "adding a primary key builds its unique index under ACCESS EXCLUSIVE (and a new serial or identity column rewrites the table): reads and writes wait",
            "CREATE UNIQUE INDEX CONCURRENTLY, then ALTER TABLE ... ADD CONSTRAINT ... PRIMARY KEY USING INDEX");
    public static final Rule DISALLOWED_UNIQUE_CONSTRAINT = new Rule("disallowed-unique-constraint", Severity.ERROR, 0, 0,
            "adding a UNIQUE (or exclusion) constraint builds its index under ACCESS EXCLUSIVE: reads and writes wait for the whole build",
            "CREATE UNIQUE INDEX CONCURRENTLY, then ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX");
    public static final Rule RENAMING_COLUMN = new Rule("renaming-column", Severity.ERROR, 0, 0,
            "renaming a column breaks every running client that still uses the old name",
            "add the new column, write both, move the readers, and drop the old column in a later release");
    public static final Rule RENAMING_TABLE = new Rule("renaming-table", Severity.ERROR, 0, 0,
            "renaming a table breaks every running client that still uses the old name",
            "create the new table (or a view with the old name) and move clients over before dropping the old name");
    public static final Rule BAN_DROP_COLUMN = new Rule("ban-drop-column", Severity.WARNING, 0, 0,
            "dropping a column loses its data, and running clients that still select or insert it fail",
            "stop using the column in every client first, then drop it in a later release");
    public static final Rule BAN_DROP_TABLE = new Rule("ban-drop-table", Severity.WARNING, 0, 0,
            "dropping a table loses its data, and running clients that still use it fail",
            "stop using the table in every client first, keep a backup, then drop it in a later release");
    public static final Rule BAN_DROP_DATABASE = new Rule("ban-drop-database", Severity.ERROR, 0, 0,
            "DROP DATABASE destroys a whole database; it has no place in a migration",
            "drop databases by hand, outside the migrations");
    public static final Rule DESTRUCTIVE_CHANGE = new Rule("destructive-change", Severity.WARNING, 0, 0,
            "the catalog lost an object (view, sequence, type, function, schema) that running clients may still use",
            "make sure no client uses it any more, or recreate it in the same revision");
    public static final Rule BAN_DROP_NOT_NULL = new Rule("ban-drop-not-null", Severity.WARNING, 0, 0,
            "dropping NOT NULL lets in nulls that running clients may not expect",
            "make sure every reader handles nulls before dropping the constraint");
    public static final Rule PREFER_REPACK = new Rule("prefer-repack", Severity.ERROR, 0, 0,
            "VACUUM FULL and CLUSTER rewrite the whole table under ACCESS EXCLUSIVE: reads and writes wait for the whole rewrite",
            "use pg_repack (or REPACK (CONCURRENTLY) on PostgreSQL 19+) outside the migrations");
    public static final Rule REQUIRE_CONCURRENT_REINDEX = new Rule("require-concurrent-reindex", Severity.ERROR, 12, 0,
            "REINDEX without CONCURRENTLY blocks writes to the table (and reads that use the index) for the whole rebuild",
            "REINDEX ... CONCURRENTLY " + NON_TRANSACTIONAL);
    public static final Rule REQUIRE_CONCURRENT_DETACH = new Rule("require-concurrent-partition-detach", Severity.ERROR, 14, 0,
            "DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on the partitioned table: reads and writes of every partition wait",
            "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY " + NON_TRANSACTIONAL);
    public static final Rule BAN_TRUNCATE_CASCADE = new Rule("ban-truncate-cascade", Severity.ERROR, 0, 0,
            "TRUNCATE ... CASCADE also empties every table that references it, under ACCESS EXCLUSIVE",
            "truncate exactly the tables you mean, naming each one");
    public static final Rule TRANSACTION_NESTING = new Rule("transaction-nesting", Severity.ERROR, 0, 0,
            "transaction control inside a revision: migrate runs each revision in its own transaction and refuses COMMIT, ROLLBACK or BEGIN in it",
            "remove it; mark the revision '-- Transactional: false' if it must run outside a transaction");
    public static final Rule REQUIRE_LOCK_TIMEOUT = new Rule("require-lock-timeout", Severity.WARNING, 0, 0,
            "a statement waiting for a lock that blocks writes makes every later query on the table queue behind it; without a short lock_timeout the outage lasts as long as the longest open transaction",
            "start the revision with SET LOCAL lock_timeout = '2s' (SET in a non-transactional one), or set lockTimeout (and lockRetries) for the environment");
    public static final Rule REQUIRE_STATEMENT_TIMEOUT = new Rule("require-statement-timeout", Severity.WARNING, 0, 0,
            "a statement that rewrites or reads a whole table keeps its lock, which blocks writes, for as long as it runs; without a statement_timeout nothing stops it when the table is larger than expected",
            "set SET LOCAL statement_timeout = '5min' next to the lock_timeout (SET in a non-transactional revision), or statementTimeout for the environment");
    public static final Rule REQUIRE_ENUM_VALUE_ORDERING = new Rule("require-enum-value-ordering", Severity.INFO, 0, 0,
            "ALTER TYPE ... ADD VALUE without BEFORE or AFTER appends the value, and an enum's order is what ORDER BY, comparisons and ranges use",
            "say where the value goes: ADD VALUE 'x' BEFORE 'y' (or AFTER 'z'), AFTER the last value when it belongs at the end");
    public static final Rule BAN_CHAR_FIELD = new Rule("ban-char-field", Severity.INFO, 0, 0,
            "char(n) pads values with spaces and is no faster than text",
            "use text (with a CHECK on length if needed)");
    public static final Rule PREFER_BIGINT_OVER_INT = new Rule("prefer-bigint-over-int", Severity.INFO, 0, 0,
            "a 32-bit integer runs out at 2,147,483,647, and widening it later rewrites the table",
            "use bigint");
    public static final Rule PREFER_BIGINT_OVER_SMALLINT = new Rule("prefer-bigint-over-smallint", Severity.INFO, 0, 0,
            "a 16-bit integer runs out at 32,767, and widening it later rewrites the table",
            "use bigint");
    public static final Rule PREFER_IDENTITY = new Rule("prefer-identity", Severity.INFO, 0, 0,
            "serial columns have awkward permissions and sequence ownership",
            "use bigint GENERATED BY DEFAULT AS IDENTITY");
    public static final Rule PREFER_TEXT_FIELD = new Rule("prefer-text-field", Severity.INFO, 0, 0,
            "varchar(n) needs ACCESS EXCLUSIVE to change its limit (and a rewrite to shrink it)",
            "use text with a CHECK (char_length(col) <= n) constraint");
    public static final Rule PREFER_TIMESTAMPTZ = new Rule("prefer-timestamp-tz", Severity.INFO, 0, 0,
            "timestamp without time zone loses the offset and gives wrong answers across time zones and DST",
            "use timestamptz");
    public static final Rule PREFER_ROBUST_STMTS = new Rule("prefer-robust-stmts", Severity.INFO, 0, 0,
            "in a non-transactional revision a statement that fails half way leaves the earlier ones applied, and running the revision again fails on them",
            "use IF NOT EXISTS / IF EXISTS so that the revision can be resumed or run again");
    public static final Rule BAN_CREATE_DOMAIN_WITH_CONSTRAINT = new Rule("ban-create-domain-with-constraint", Severity.WARNING, 0, 0,
            "a domain's constraints are checked against every column that uses it whenever one is added later, under locks on each of those tables",
            "put the CHECK on the table columns instead of the domain");
    public static final Rule BAN_ALTER_DOMAIN_ADD_CONSTRAINT = new Rule("ban-alter-domain-with-add-constraint", Severity.WARNING, 0, 0,
            "ALTER DOMAIN ... ADD CONSTRAINT scans every table with a column of that domain while holding locks on them",
            "add a NOT VALID table CHECK per column and validate it separately");
    public static final Rule IDENTIFIER_TOO_LONG = new Rule("identifier-too-long", Severity.WARNING, 0, 0,
            "PostgreSQL silently truncates identifiers longer than 63 bytes, so the object gets another name than the one written",
            "use a name of at most 63 bytes");
    public static final Rule STATEMENT_FAILS = new Rule("statement-fails", Severity.ERROR, 0, 0,
            "the statement fails on a copy of the schema before it, so the revision would fail (and roll back) in production",
            "fix the statement; run " + command("lint") + " again");
    public static final Rule INDIRECT_LOCK = new Rule("indirect-lock", Severity.WARNING, 0, 0,
            "a trigger, function, DO block or cascade takes a lock that blocks writes on a table the statement does not name",
            "check what the statement runs underneath; split it, or run it when the table is quiet, with a short lock_timeout");
    public static final Rule TABLE_REWRITE = new Rule("table-rewrite", Severity.ERROR, 0, 0,
            "the statement rewrites the whole table under ACCESS EXCLUSIVE: reads and writes wait for the whole rewrite",
            "make the change without a rewrite (a new column, backfilled in batches), or schedule downtime");
    public static final Rule FULL_TABLE_SCAN = new Rule("full-table-scan", Severity.WARNING, 0, 0,
            "the statement reads the whole table while holding a lock that blocks writes",
            "split it so that the scan runs under a weaker lock (NOT VALID, then VALIDATE), or batch it");
    public static final Rule IGNORE_WITHOUT_REASON = new Rule("lint-ignore-without-reason", Severity.WARNING, 0, 0,
            "a '-- migrate:lint-ignore RULE' comment without a reason accepts nothing",
            "write why the finding is acceptable: '-- migrate:lint-ignore RULE the table holds 10 rows'");
    public static final Rule UNUSED_IGNORE = new Rule("unused-ignore", Severity.INFO, 0, 0,
            "a '-- migrate:lint-ignore' comment accepts a finding the statement below it does not have",
            "remove the comment, or check the rule id");

    private static final List<Rule> ALL = List.of(REQUIRE_CONCURRENT_INDEX_CREATION, REQUIRE_CONCURRENT_INDEX_DELETION,
            CONCURRENTLY_IN_TRANSACTION, ADDING_FOREIGN_KEY, CONSTRAINT_MISSING_NOT_VALID, ADDING_NOT_NULLABLE_FIELD,
            ADDING_REQUIRED_FIELD, CHANGING_COLUMN_TYPE, ADDING_FIELD_WITH_DEFAULT, ADDING_SERIAL_PRIMARY_KEY,
            DISALLOWED_UNIQUE_CONSTRAINT, RENAMING_COLUMN, RENAMING_TABLE, BAN_DROP_COLUMN, BAN_DROP_TABLE, BAN_DROP_DATABASE,
            DESTRUCTIVE_CHANGE, BAN_DROP_NOT_NULL, PREFER_REPACK, REQUIRE_CONCURRENT_REINDEX, REQUIRE_CONCURRENT_DETACH,
            BAN_TRUNCATE_CASCADE, TRANSACTION_NESTING, REQUIRE_LOCK_TIMEOUT, REQUIRE_STATEMENT_TIMEOUT, REQUIRE_ENUM_VALUE_ORDERING,
            BAN_CHAR_FIELD, PREFER_BIGINT_OVER_INT,
            PREFER_BIGINT_OVER_SMALLINT, PREFER_IDENTITY, PREFER_TEXT_FIELD, PREFER_TIMESTAMPTZ, PREFER_ROBUST_STMTS,
            BAN_CREATE_DOMAIN_WITH_CONSTRAINT, BAN_ALTER_DOMAIN_ADD_CONSTRAINT, IDENTIFIER_TOO_LONG, STATEMENT_FAILS,
            INDIRECT_LOCK, TABLE_REWRITE, FULL_TABLE_SCAN, IGNORE_WITHOUT_REASON, UNUSED_IGNORE);

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> find(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
