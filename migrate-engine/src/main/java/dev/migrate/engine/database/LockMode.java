package dev.migrate.engine.database;

/** How concurrent runs against one database are serialized. */
public enum LockMode {
    /**
     * A session-level advisory lock, held for the whole run on a connection of its own, so that a
     * non-transactional revision (CREATE INDEX CONCURRENTLY) cannot wait on it.
     */
    SESSION,
    /**
     * A transaction-level advisory lock taken at the start of every migration transaction, for
     * transaction poolers that cannot keep a session; non-transactional revisions are refused.
     */
    TRANSACTION
}
