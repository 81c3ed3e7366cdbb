/**
 * Environments and connection settings: which database a run targets, and how to reach it.
 *
 * <ul>
 *   <li>{@link dev.migrate.engine.config.EnvironmentResolver} reads every settings layer (system
 *       properties, environment variables, {@code .env}, {@code environments/NAME.properties},
 *       {@code environments/default.properties}, the plugin configuration, settings.xml
 *       credentials) into one immutable {@link dev.migrate.engine.config.EnvironmentConfig}.</li>
 *   <li>{@link dev.migrate.engine.config.DatabaseUrl} takes JDBC, libpq and SQLAlchemy URLs apart;
 *       credentials travel as driver properties, never inside the JDBC URL.</li>
 *   <li>{@link dev.migrate.engine.config.Secrets} scrubs passwords from anything printed or
 *       thrown.</li>
 *   <li>{@link dev.migrate.engine.config.Supabase} knows Supabase's hosts, poolers and managed
 *       schemas.</li>
 * </ul>
 * Nothing here connects to a database or depends on Maven.
 */
package dev.migrate.engine.config;
