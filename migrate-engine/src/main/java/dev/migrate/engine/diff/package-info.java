/**
 * The schema differ: {@link dev.migrate.engine.diff.SchemaDiffer#compare} takes two catalogs and gives
 * a {@link dev.migrate.engine.diff.SchemaDiff}: Alembic-style {@code Detected ...} lines, warnings, the
 * differences in words, and the upgrade and downgrade SQL rendered from the same changes, in
 * dependency order. Pure functions of the two models: no JDBC here.
 */
package dev.migrate.engine.diff;
