/**
 * The embedded PostgreSQL of the {@code local} environment without a url:
 * {@link dev.migrate.engine.embedded.EmbeddedServer}, with its data kept between runs.
 */
package dev.migrate.engine.embedded;
