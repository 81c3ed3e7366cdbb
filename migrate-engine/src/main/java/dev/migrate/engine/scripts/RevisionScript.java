package dev.migrate.engine.scripts;

import dev.migrate.engine.graph.Revision;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A revision as read from its file: the graph node plus what is needed to run and report it.
 * {@code upgrade} and {@code downgrade} are already split into statements, each with its line in
 * the file. A downgrade section that is missing or empty after a non-empty upgrade makes the
 * revision irreversible, unless the section says {@code -- migrate:nothing-to-undo}. For a
 * revision whose header came from {@link RevisionCache}, the statements are read from the file on
 * first use. A revision written in Java ({@link #java()}) has no statements; its class runs instead.
 */
public record RevisionScript(
        Revision revision,
        String message,
        Path file,
        Optional<String> createDate,
        boolean transactional,
        List<SqlStatement> upgrade,
        List<SqlStatement> downgrade,
        String checksum,
        DowngradeSection downgradeSection,
        Optional<JavaStep> java) {

    /** What a file's downgrade section holds. */
    public enum DowngradeSection {
        /** No {@code -- migrate:downgrade} line at all. */
        MISSING("it has no '-- migrate:downgrade' section"),
        /** The marker, then no statement. */
        EMPTY("its '-- migrate:downgrade' section is empty"),
        /** The marker, then {@code -- migrate:nothing-to-undo}: reversible, and nothing runs. */
        NOTHING_TO_UNDO("its downgrade has nothing to undo"),
        /** The marker, then statements. */
        STATEMENTS("it has downgrade statements");

        private final String description;

        DowngradeSection(String description) {
            this.description = description;
        }

        /** How a message says it: {@code its '-- migrate:downgrade' section is empty}. */
        public String description() {
            return description;
        }
    }

    public RevisionScript {
        upgrade = upgrade instanceof LazyStatements ? upgrade : List.copyOf(upgrade);
        downgrade = downgrade instanceof LazyStatements ? downgrade : List.copyOf(downgrade);
        Objects.requireNonNull(downgradeSection, "downgradeSection");
        java = java == null ? Optional.empty() : java;
    }

    /** A revision read from a file (not Java). */
    public RevisionScript(Revision revision, String message, Path file, Optional<String> createDate, boolean transactional,
                          List<SqlStatement> upgrade, List<SqlStatement> downgrade, String checksum,
                          DowngradeSection downgradeSection) {
        this(revision, message, file, createDate, transactional, upgrade, downgrade, checksum, downgradeSection,
                Optional.empty());
    }

    /**
     * A revision written in Java: no statements, {@code file} is its class file, {@code checksum}
     * that of its class bytes.
     */
    public static RevisionScript ofJava(Revision revision, String message, Path classFile, boolean transactional,
                                        String checksum, JavaStep step) {
        return new RevisionScript(revision, message, classFile, Optional.empty(), transactional, List.of(), List.of(),
                checksum, step.reversible() ? DowngradeSection.STATEMENTS : DowngradeSection.MISSING, Optional.of(step));
    }

    /** A script whose downgrade section is {@link DowngradeSection#MISSING} when it has no statements. */
    public RevisionScript(Revision revision, String message, Path file, Optional<String> createDate, boolean transactional,
                          List<SqlStatement> upgrade, List<SqlStatement> downgrade, String checksum) {
        this(revision, message, file, createDate, transactional, upgrade, downgrade, checksum,
                downgrade.isEmpty() ? DowngradeSection.MISSING : DowngradeSection.STATEMENTS);
    }

    /** Whether this revision is a Java class rather than a file of SQL. */
    public boolean isJava() {
        return java.isPresent();
    }

    /** Why a downgrade cannot pass through this revision, in the words of a message. */
    public String irreversibleReason() {
        return java.isPresent() ? "class " + java.get().className() + " does not override downgrade(Connection)"
                : downgradeSection.description();
    }

    public String id() {
        return revision.id();
    }

    /**
     * Whether a downgrade can run through this revision: it has downgrade statements, says
     * {@code -- migrate:nothing-to-undo}, or its upgrade has none (a merge point or an empty
     * revision has nothing to undo).
     */
    public boolean reversible() {
        if (java.isPresent()) {
            return java.get().reversible();
        }
        return !downgrade.isEmpty() || upgrade.isEmpty() || downgradeSection == DowngradeSection.NOTHING_TO_UNDO;
    }
}
