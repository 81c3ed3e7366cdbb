/**
 * Revision files: reading them ({@link dev.migrate.engine.scripts.ScriptDirectory},
 * {@link dev.migrate.engine.scripts.RevisionFileParser}), splitting their SQL
 * ({@link dev.migrate.engine.scripts.SqlSplitter}), their checksums
 * ({@link dev.migrate.engine.scripts.Checksum}) and writing new ones
 * ({@link dev.migrate.engine.scripts.RevisionWriter}). Knows nothing of JDBC.
 *
 * <p>A revision file:
 * <pre>
 * -- add email_verified to users
 * --
 * -- Revision ID: 3f2a9c1d8e7b
 * -- Revises: 6f815ac9ca51
 * -- Create Date: 2026-11-22 10:30:45
 * -- Branch Labels: auth
 * -- Depends On: 1c0ffee00000
 * -- Transactional: false
 *
 * -- migrate:upgrade
 * ALTER TABLE users ADD COLUMN email_verified boolean NOT NULL DEFAULT false;
 *
 * -- migrate:downgrade
 * ALTER TABLE users DROP COLUMN email_verified;
 * </pre>
 * The first comment line is the message. {@code Revises} empty or absent makes a base, a comma list
 * a merge point. {@code Branch Labels}, {@code Depends On}, {@code Create Date} and
 * {@code Transactional} (default true) are optional. Ids and labels are {@code [A-Za-z0-9_]+}. No
 * downgrade section, or one without statements, after an upgrade with statements makes the
 * revision irreversible.
 */
package dev.migrate.engine.scripts;
