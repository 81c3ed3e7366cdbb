/**
 * The project's own classes: an isolated class loader over its compiled classes and dependencies
 * ({@link dev.migrate.engine.classes.ProjectClassLoader}), and the revisions written in Java found
 * in configured packages of it ({@link dev.migrate.engine.classes.JavaMigrations}), which join the
 * revision graph next to the SQL files.
 */
package dev.migrate.engine.classes;
