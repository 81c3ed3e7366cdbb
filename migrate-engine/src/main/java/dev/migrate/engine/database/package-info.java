/**
 * Runs the plans the graph makes against PostgreSQL, and the only part of the engine that does.
 *
 * <p>{@link dev.migrate.engine.database.Migrator} is the entry point: {@code migrate} (upgrade or
 * downgrade) and {@code stamp} take the scripts by id and a planner called with the heads read
 * under the migration lock; {@code readState} serves the inspection goals.
 * {@link dev.migrate.engine.database.OfflineScript} renders the same work as SQL text, with the
 * version-table statements from the same {@link dev.migrate.engine.database.MigrationTables}.
 * {@link dev.migrate.engine.database.ScriptChecks} compares local files with what was applied.
 * Progress goes to a {@link dev.migrate.engine.database.MigrationListener}; errors are typed
 * subclasses of {@link dev.migrate.engine.database.DatabaseException} carrying their data.
 */
package dev.migrate.engine.database;
