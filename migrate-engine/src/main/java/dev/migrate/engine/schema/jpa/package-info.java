/**
 * JPA entities as a desired schema ({@link dev.migrate.engine.schema.jpa.EntityDdl}): Hibernate's
 * schema generation over the project's {@code @Entity} classes, run by
 * {@link dev.migrate.engine.schema.jpa.EntitySchema} (the desired schema of {@code <entities>}) in a
 * class loader of its own. The only package that refers to Hibernate, an optional dependency.
 */
package dev.migrate.engine.schema.jpa;
