package dev.migrate.engine.config;

/**
 * How connections reach PostgreSQL. {@link #TRANSACTION} means a transaction-mode pooler
 * (PgBouncer, Supavisor on port 6543) that may hand each transaction to a different server
 * connection: no server-side prepared statements, no session-level lock or {@code SET}, and no
 * revision that runs outside a transaction.
 */
public enum PoolerMode {
    /** A direct connection or a session-mode pooler: the connection is ours for the whole run. */
    SESSION,
    /** A transaction-mode pooler: only what happens inside one transaction is ours. */
    TRANSACTION
}
