package dev.migrate.engine.scripts;

import dev.migrate.engine.graph.Direction;

import java.sql.Connection;

/**
 * The code of a revision written in Java ({@link dev.migrate.engine.JavaMigration}), as the runner
 * sees it: which class it is, whether it can be downgraded, and how to run one direction.
 */
public interface JavaStep {
    /** The binary name of the class, e.g. {@code com.example.migrations.BackfillDisplayName}. */
    String className();

    /** Whether the class overrides {@code downgrade(Connection)}. */
    boolean reversible();

    /** Runs {@code upgrade} or {@code downgrade} of a new instance on {@code connection}. */
    void run(Direction direction, Connection connection) throws Exception;
}
