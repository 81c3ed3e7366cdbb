package dev.migrate.engine.lint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the scratch database's catalog and this backend's lock and statistics views say at one
 * moment, read in one query: user relations (with their file node, to see rewrites), columns,
 * constraints, indexes, schemas, types and functions; the relation locks this backend holds; and
 * the sequential scans this transaction made. Comparing two snapshots gives a statement's facts.
 */
record CatalogSnapshot(
        Map<Long, Relation> relations,
        Map<String, Column> columns,
        Map<Long, Constraint> constraints,
        Map<Long, Index> indexes,
        Map<String, String> objects,
        Map<Long, TableLock> locks,
        Map<Long, Long> seqScans) {

    static final CatalogSnapshot EMPTY = new CatalogSnapshot(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    /** A relation: {@code kind} is {@code pg_class.relkind} ({@code r} table, {@code p} partitioned, {@code i} index, …). */
    record Relation(long oid, long fileNode, char kind, String schema, String name) {
        String qualified() {
            return schema + "." + name;
        }

        boolean isTable() {
            return kind == 'r' || kind == 'p' || kind == 'm' || kind == 'f';
        }
    }

    /** A column of a table or view; {@code identity} and {@code generated} are pg_attribute's codes, or blank. */
    record Column(long relid, int number, String name, String type, boolean notNull, String defaultExpression,
                  String identity, String generated) {
        String key() {
            return relid + "/" + number;
        }

        boolean serial() {
            return defaultExpression != null && defaultExpression.startsWith("nextval(");
        }
    }

    /** A constraint; {@code type} is {@code pg_constraint.contype}. */
    record Constraint(long oid, long relid, char type, String name, boolean validated, String definition,
                      long referencedRelid, long indexOid) {
    }

    record Index(long oid, long relid, boolean unique, boolean primary) {
    }

    private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

    private static final String QUERY = String.join("\nUNION ALL\n",
            "SELECT 'r', c.oid::bigint, c.relfilenode::bigint, c.relkind::text, n.nspname::text, c.relname::text, NULL, NULL, NULL "
                    + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA,
            "SELECT 'a', a.attrelid::bigint, a.attnum::bigint, format_type(a.atttypid, a.atttypmod), a.attname::text, "
                    + "a.attnotnull::text, pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, a.attgenerated::text "
                    + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                    + "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'm', 'f', 'v') AND " + USER_SCHEMA,
            "SELECT 'c', k.oid::bigint, k.conrelid::bigint, k.contype::text, k.conname::text, k.convalidated::text, "
                    + "pg_get_constraintdef(k.oid), k.confrelid::text, k.conindid::text "
                    + "FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE k.conrelid <> 0 AND " + USER_SCHEMA,
            "SELECT 'i', i.indexrelid::bigint, i.indrelid::bigint, i.indisunique::text, i.indisprimary::text, NULL, NULL, NULL, NULL "
                    + "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA,
            "SELECT 'o', n.oid::bigint, NULL, 'schema', n.nspname::text, NULL, NULL, NULL, NULL FROM pg_namespace n WHERE "
                    + USER_SCHEMA + " AND n.nspname <> 'public'",
            "SELECT 'o', t.oid::bigint, NULL, CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' ELSE 'type' END, "
                    + "n.nspname || '.' || t.typname, NULL, NULL, NULL, NULL FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                    + "WHERE t.typtype IN ('e', 'd', 'c') AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c') AND " + USER_SCHEMA,
            "SELECT 'o', p.oid::bigint, NULL, CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, "
                    + "n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', NULL, NULL, NULL, NULL "
                    + "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_SCHEMA,
            "SELECT 'l', l.relation::bigint, NULL, l.mode, NULL, NULL, NULL, NULL, NULL FROM pg_locks l "
                    + "WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted AND l.database = "
                    + "(SELECT oid FROM pg_database WHERE datname = current_database())",
            "SELECT 's', s.relid::bigint, s.seq_scan, NULL, NULL, NULL, NULL, NULL, NULL FROM pg_stat_xact_user_tables s");

    static CatalogSnapshot read(Connection connection) throws SQLException {
        Map<Long, Relation> relations = new HashMap<>();
        Map<String, Column> columns = new LinkedHashMap<>();
        Map<Long, Constraint> constraints = new HashMap<>();
        Map<Long, Index> indexes = new HashMap<>();
        Map<String, String> objects = new HashMap<>();
        Map<Long, TableLock> locks = new HashMap<>();
        Map<Long, Long> scans = new HashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(QUERY)) {
            while (rs.next()) {
                long a = rs.getLong(2);
                long b = rs.getLong(3);
                String c = rs.getString(4);
                String d = rs.getString(5);
                switch (rs.getString(1)) {
                    case "r" -> relations.put(a, new Relation(a, b, c.charAt(0), d, rs.getString(6)));
                    case "a" -> {
                        Column column = new Column(a, (int) b, d, c, "true".equals(rs.getString(6)), rs.getString(7),
                                blank(rs.getString(8)), blank(rs.getString(9)));
                        columns.put(column.key(), column);
                    }
                    case "c" -> constraints.put(a, new Constraint(a, b, c.charAt(0), d, "true".equals(rs.getString(6)),
                            rs.getString(7), Long.parseLong(rs.getString(8)), Long.parseLong(rs.getString(9))));
                    case "i" -> indexes.put(a, new Index(a, b, "true".equals(c), "true".equals(d)));
                    case "o" -> objects.put(c + " " + d, c + " " + d);
                    case "l" -> TableLock.fromPgLocks(c).ifPresent(m -> locks.merge(a, m, TableLock::max));
                    case "s" -> scans.put(a, b);
                    default -> throw new IllegalStateException("unexpected row kind");
                }
            }
        }
        return new CatalogSnapshot(Collections.unmodifiableMap(relations), Collections.unmodifiableMap(columns),
                Collections.unmodifiableMap(constraints), Collections.unmodifiableMap(indexes),
                Collections.unmodifiableMap(objects), Collections.unmodifiableMap(locks), Collections.unmodifiableMap(scans));
    }

    private static String blank(String code) {
        return code == null ? "" : code.trim();
    }

    Optional<Relation> relation(long oid) {
        return Optional.ofNullable(relations.get(oid));
    }

    /** The table an index or a TOAST-less relation belongs to: itself for a table, its table for an index. */
    long owningTable(long oid) {
        Index index = indexes.get(oid);
        return index == null ? oid : index.relid();
    }
}
