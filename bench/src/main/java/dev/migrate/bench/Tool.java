package dev.migrate.bench;

/** One way of applying the workload to an empty database; {@link #migrate} is what is timed. */
public interface Tool {
    String name();

    /** Applies every revision of the workload to {@code database}, which is empty. */
    void migrate(Server server, String database, Workload workload) throws Exception;

    /** Checks that the workload landed: every table exists, and the tool's own bookkeeping. */
    default void verify(Server server, String database, Workload workload) throws Exception {
        Verification.tables(server, database, workload.count());
    }
}
