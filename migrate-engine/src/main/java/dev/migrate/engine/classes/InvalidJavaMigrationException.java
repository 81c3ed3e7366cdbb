package dev.migrate.engine.classes;

import dev.migrate.engine.MigrateException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Classes in the configured {@code javaMigrations} packages that cannot be revisions: an
 * implementation of {@link dev.migrate.engine.JavaMigration} without its {@link dev.migrate.engine.Migration}
 * annotation, an annotated class that does not implement it, an invalid id, parent or label, no
 * public no-argument constructor; or a configured package with no class at all. Each finding names
 * the class (or package) and what to do. Nothing was run.
 */
public final class InvalidJavaMigrationException extends MigrateException {
    /** One problem: the class or package it is about, and what is wrong with it and how to fix it. */
    public record Finding(String name, String problem) {
        @Override
        public String toString() {
            return name + ": " + problem;
        }
    }

    private final List<Finding> findings;

    InvalidJavaMigrationException(List<Finding> findings) {
        super(message(findings));
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }

    private static String message(List<Finding> findings) {
        if (findings.size() == 1) {
            return "Invalid Java migration " + findings.get(0) + ". Nothing was run.";
        }
        return findings.size() + " invalid Java migrations (nothing was run):\n" + findings.stream()
                .map(f -> "  - " + f).collect(Collectors.joining("\n"));
    }
}
