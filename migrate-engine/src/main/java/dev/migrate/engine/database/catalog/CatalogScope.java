package dev.migrate.engine.database.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a {@link CatalogReader} reads: the compared schemas and the tables left out of the
 * comparison (the migration tool's own tables, for instance).
 *
 * @param schemas        the schemas to compare; empty means every user schema except the system
 *                       ones ({@code pg_catalog}, {@code information_schema}, {@code pg_toast*},
 *                       {@code pg_temp*}) and the {@link #SUPABASE_MANAGED Supabase-managed} ones
 * @param excludedTables schema-qualified table names such as {@code public.migrate_version}; their
 *                       columns, constraints, indexes, triggers, policies, grants, comments and
 *                       owned sequences are left out too
 */
public record CatalogScope(List<String> schemas, Set<String> excludedTables) {

    /** Schemas Supabase creates and manages itself: never compared, never dropped. */
    public static final Set<String> SUPABASE_MANAGED = Set.of(
            "auth", "storage", "realtime", "extensions", "graphql", "graphql_public", "vault",
            "pgsodium", "pgsodium_masks", "supabase_functions", "supabase_migrations", "cron", "net",
            "pgbouncer", "pgtle", "_realtime", "_analytics", "_supavisor", "pg_net", "topology",
            "tiger", "tiger_data");

    public CatalogScope {
        schemas = List.copyOf(schemas);
        excludedTables = Set.copyOf(excludedTables);
        for (String s : schemas) {
            if (s.isBlank()) {
                throw new IllegalArgumentException("A compared schema name must not be blank");
            }
        }
        for (String t : excludedTables) {
            if (t.indexOf('.') <= 0) {
                throw new IllegalArgumentException("An excluded table must be schema-qualified, such as "
                        + "public.migrate_version: '" + t + "'");
            }
        }
    }

    public static CatalogScope of(List<String> schemas, Set<String> excludedTables) {
        return new CatalogScope(schemas, excludedTables);
    }

    /** Every user schema, nothing excluded. */
    public static CatalogScope allUserSchemas() {
        return new CatalogScope(List.of(), Set.of());
    }

    /** Whether a schema found in the database is compared under this scope. */
    public boolean compares(String schema) {
        if (!schemas.isEmpty()) {
            return schemas.contains(schema);
        }
        return !isSystemSchema(schema) && !SUPABASE_MANAGED.contains(schema);
    }

    /** Whether {@code schema.table} is left out. */
    public boolean excludes(String schema, String table) {
        return excludedTables.contains(schema + "." + table);
    }

    static boolean isSystemSchema(String schema) {
        String s = schema.toLowerCase(Locale.ROOT);
        return s.equals("pg_catalog") || s.equals("information_schema") || s.startsWith("pg_toast")
                || s.startsWith("pg_temp");
    }
}
