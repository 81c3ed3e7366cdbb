package dev.migrate.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The header of a {@link JavaMigration}: what a revision file says in its comment lines. Ids,
 * parents, labels and dependencies follow the same rules as in a file ({@code [A-Za-z0-9_]+}; no
 * {@code revises} makes a base, several a merge point).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Migration {
    /** The revision id ({@code Revision ID:}). */
    String id();

    /** The down revisions ({@code Revises:}); none for a base revision. */
    String[] revises() default {};

    /** The message ({@code the first comment line}); the class's simple name when empty. */
    String message() default "";

    /** Whether the revision runs in a transaction with its version change ({@code Transactional:}). */
    boolean transactional() default true;

    /** Branch labels ({@code Branch Labels:}). */
    String[] branchLabels() default {};

    /** Revisions or labels this one depends on without being their child ({@code Depends On:}). */
    String[] dependsOn() default {};
}
