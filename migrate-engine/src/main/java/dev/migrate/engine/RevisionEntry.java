package dev.migrate.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One revision as the inspection commands answer it: its place in the graph, its markers (head,
 * effective head, current, branch point, merge point) and what its file says. Its components are
 * its JSON fields; {@code file} is left out of the JSON when no local file has the revision
 * (a revision only the database knows).
 *
 * @param head          a head of the graph: no revision revises it
 * @param effectiveHead a head of its branch that another revision depends on ({@code (effective head)}), not a head
 * @param current       the database is at this revision (only when the command read the database)
 * @param file          the revision file, null when there is none
 * @param createDate    the file's {@code Create Date}, null when absent
 * @param irreversible  why the revision cannot be downgraded (its downgrade section missing or empty), null when it can
 * @param java          the class of a Java revision, null for a SQL file
 */
public record RevisionEntry(String revision, List<String> downRevisions, List<String> dependsOn,
                            List<String> branchLabels, String message, boolean head, boolean effectiveHead,
                            boolean current, boolean branchPoint, boolean mergePoint,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String file,
                            @JsonIgnore String createDate, @JsonIgnore boolean transactional,
                            @JsonIgnore String irreversible,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String java) {
    public RevisionEntry {
        downRevisions = List.copyOf(downRevisions);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = List.copyOf(branchLabels);
        message = message == null ? "" : message;
    }

    /** The revision file, if a local one has this revision. */
    public Optional<String> path() {
        return Optional.ofNullable(file);
    }

    /** The same entry without its {@code current} marker, as Alembic's {@code current} prints it (every line is current). */
    RevisionEntry unmarked() {
        return new RevisionEntry(revision, downRevisions, dependsOn, branchLabels, message, head, effectiveHead, false,
                branchPoint, mergePoint, file, createDate, transactional, irreversible, java);
    }

    /** Alembic's {@code _head_only}: {@code a1 (deps) -> b2 (auth) (head) (current) (branchpoint), message}. */
    String format(boolean branches, boolean doc, boolean parents, boolean tree, boolean headIndicators) {
        StringBuilder s = new StringBuilder();
        if (parents) {
            s.append(downRevisions.isEmpty() ? "<base>" : String.join(", ", downRevisions));
            if (!dependsOn.isEmpty()) {
                s.append(" (").append(String.join(", ", dependsOn)).append(')');
            }
            s.append(" -> ");
        }
        s.append(revision);
        if (branches && !branchLabels.isEmpty()) {
            s.append(" (").append(String.join(", ", branchLabels)).append(')');
        }
        if (headIndicators || tree) {
            s.append(head ? " (head)" : "").append(effectiveHead ? " (effective head)" : "")
                    .append(current ? " (current)" : "");
        }
        if (tree) {
            s.append(branchPoint ? " (branchpoint)" : "").append(mergePoint ? " (mergepoint)" : "");
        }
        if (doc) {
            s.append(", ").append(message);
        }
        return s.toString();
    }

    /** Alembic's verbose form ({@code log_entry}). */
    List<String> details() {
        List<String> lines = new ArrayList<>();
        lines.add("Rev: " + format(true, false, false, true, true));
        if (!downRevisions.isEmpty()) {
            lines.add((mergePoint ? "Merges: " : "Parent: ") + String.join(", ", downRevisions));
        }
        if (!dependsOn.isEmpty()) {
            lines.add("Also depends on: " + String.join(", ", dependsOn));
        }
        if (file != null) {
            lines.add("Path: " + file);
            if (java != null) {
                lines.add("Java: " + java);
            }
            if (createDate != null) {
                lines.add("Create Date: " + createDate);
            }
            if (!transactional) {
                lines.add("Transactional: false");
            }
            if (irreversible != null) {
                lines.add("Irreversible: " + irreversible);
            }
        }
        lines.add("");
        lines.add("    " + message);
        lines.add("");
        return lines;
    }
}
