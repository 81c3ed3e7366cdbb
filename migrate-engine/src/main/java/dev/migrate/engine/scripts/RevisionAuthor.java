package dev.migrate.engine.scripts;

import dev.migrate.engine.graph.MultipleHeadsException;
import dev.migrate.engine.graph.RevisionMap;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.migrate.engine.Advice.command;
import static dev.migrate.engine.Advice.setting;

/**
 * What {@code revision} and {@code merge} write, checked against the graph before any file is:
 * the parents (a head, unless splicing), the merged heads, an unused id and unused branch labels.
 */
public final class RevisionAuthor {
    private final ScriptDirectory scripts;

    public RevisionAuthor(ScriptDirectory scripts) {
        this.scripts = scripts;
    }

    /** The message a new revision needs, checked: {@code message} when it is not blank. */
    public static String requireMessage(String message) {
        if (message == null || message.isBlank()) {
            throw new RevisionRequestException("message", message, "A revision needs a message: pass "
                    + setting("message=\"add users table\"") + ".");
        }
        return message;
    }

    /** The parents of a revision built on {@code head} ({@code head}, {@code base}, a revision, {@code label@head}). */
    public List<String> parentsFor(String head, boolean splice) {
        RevisionMap map = scripts.map();
        if ("base".equals(head) || map.revisions().isEmpty()) {
            return List.of();
        }
        Set<String> resolved;
        try {
            resolved = map.resolve(head, Set.of());
        } catch (MultipleHeadsException e) {
            throw new RevisionRequestException("head", head, "Multiple heads are present: "
                    + String.join(", ", new TreeSet<>(e.heads())) + ". Name the head to build on with "
                    + setting("head=REV") + " (or label@head), or merge them first with " + command("merge") + ".", e);
        }
        for (String id : resolved) {
            if (!map.heads().contains(id) && !splice) {
                throw new RevisionRequestException("splice", "false", "Revision " + id + " is not a head; pass "
                        + setting("splice=true") + " to start a new branch from it.");
            }
        }
        return List.copyOf(new TreeSet<>(resolved));
    }

    /** The revisions a merge joins: those {@code revisions} resolve to (all heads when empty), at least two. */
    public List<String> mergeParents(List<String> revisions) {
        RevisionMap map = scripts.map();
        Set<String> parents = new LinkedHashSet<>();
        for (String r : revisions.isEmpty() ? List.of("heads") : revisions) {
            parents.addAll(new TreeSet<>(map.resolve(r, Set.of())));
        }
        if (parents.size() < 2) {
            throw new RevisionRequestException("revisions", String.join(",", revisions), "Nothing to merge: "
                    + (parents.isEmpty() ? "no revisions" : "only " + parents.iterator().next()) + " given. Name two or "
                    + "more heads with " + setting("revisions=a,b") + ", or leave it at 'heads'.");
        }
        return List.copyOf(parents);
    }

    /** The dependency references of a new revision, each a revision id or a branch label. */
    public List<String> dependencies(List<String> dependsOn) {
        RevisionMap map = scripts.map();
        return dependsOn.stream().map(map::dependencyReference).toList();
    }

    /** A new revision with an unused id ({@code revId}, or a generated one) and unused branch labels. */
    public NewRevision newRevision(String revId, String message, List<String> parents, List<String> labels,
                                   List<String> dependsOn) {
        RevisionMap map = scripts.map();
        String id = revId == null || revId.isBlank() ? RevisionIds.generate() : revId;
        if (map.find(id).isPresent()) {
            throw new RevisionRequestException("revId", id, "Revision id " + id + " is already used by "
                    + scripts.script(id).map(s -> s.file().toString()).orElse("another revision")
                    + ". Choose another " + setting("revId") + " or leave it out to generate one.");
        }
        for (String label : labels) {
            map.revisions().stream().filter(r -> r.branchLabels().contains(label)).findFirst().ifPresent(r -> {
                throw new RevisionRequestException("branchLabel", label, "Branch label '" + label
                        + "' is already used by revision " + r.id() + ". Choose another label.");
            });
        }
        return new NewRevision(id, message, parents, labels, dependsOn,
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS), "", "");
    }
}
