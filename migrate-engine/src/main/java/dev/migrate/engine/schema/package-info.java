/**
 * The three schemas {@code revision -Dmigrate.autogenerate=true} and {@code check} compare (SPEC §8):
 * the desired schema ({@link dev.migrate.engine.schema.DesiredSchema}: {@code src/main/schema/*.sql},
 * or DDL generated from JPA entities), the head schema (every revision applied to a scratch
 * database) and the live schema (the environment's database, read only). Each is built or read
 * into a {@link dev.migrate.engine.database.catalog.Catalog}; the differ compares catalogs.
 */
package dev.migrate.engine.schema;
