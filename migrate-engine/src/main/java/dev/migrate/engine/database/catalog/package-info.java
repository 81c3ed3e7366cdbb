/**
 * Catalog introspection: reads the compared schemas of a PostgreSQL 13–17 database into an immutable
 * {@link dev.migrate.engine.database.catalog.Catalog}, with a fixed number of catalog queries whatever
 * the size of the schema. It only reads.
 *
 * <p>{@link dev.migrate.engine.database.catalog.CatalogReader#read} is the entry point; a
 * {@link dev.migrate.engine.database.catalog.CatalogScope} names the schemas (by default every user
 * schema but the Supabase-managed ones) and the tables left out. Objects of a kind the model does not
 * cover are listed as {@link dev.migrate.engine.database.catalog.UncomparedObject}s.
 */
package dev.migrate.engine.database.catalog;
