package dev.migrate.engine.config;

import java.util.List;
import java.util.Locale;

/**
 * What is special about Supabase: its hosts, its poolers and the schemas it manages. Those schemas
 * are never diffed, dropped or stamped by the tool.
 */
public final class Supabase {
    /** The port of Supabase's transaction-mode pooler (Supavisor) on {@code *.pooler.supabase.com}. */
    public static final int TRANSACTION_POOLER_PORT = 6543;
    /** The port of the session-mode pooler on the same host. */
    public static final int SESSION_POOLER_PORT = 5432;

    /** Schemas created and owned by the Supabase platform. */
    public static final List<String> MANAGED_SCHEMAS = List.of(
            "auth", "storage", "realtime", "extensions", "graphql", "graphql_public", "vault",
            "pgsodium", "pgsodium_masks", "supabase_functions", "supabase_migrations", "cron", "net",
            "pgbouncer", "_realtime", "_analytics", "pg_catalog", "information_schema");

    private Supabase() {
    }

    /** {@code *.supabase.co} (direct connections) or {@code *.pooler.supabase.com} (poolers). */
    public static boolean isSupabaseHost(String host) {
        String h = normalize(host);
        return h.endsWith(".supabase.co") || isPoolerHost(h);
    }

    /** {@code *.pooler.supabase.com}, where port 6543 is the transaction pooler and 5432 the session pooler. */
    public static boolean isPoolerHost(String host) {
        return normalize(host).endsWith(".pooler.supabase.com");
    }

    public static boolean isManagedSchema(String schema) {
        return MANAGED_SCHEMAS.contains(schema);
    }

    private static String normalize(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
