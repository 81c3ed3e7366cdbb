package dev.migrate.engine.lint;

import static dev.migrate.engine.Advice.setting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code lint} found: for each revision linted, what each statement did (locks on tables
 * that existed before it, rewrites, full scans), and the findings, accepted ones included.
 *
 * @param pgVersion  the major version the version-dependent rules were applied for
 * @param versionSource where that version came from: {@code server}, {@code migrate.pgVersion} or {@code default}
 * @param scratchVersion the major version of the server the revisions were measured on
 * @param notes      lines to show before the findings (database not reachable, seed data skipped, …)
 */
public record LintResult(int pgVersion, String versionSource, int scratchVersion, List<RevisionReport> revisions,
                         List<Finding> findings, List<String> notes) {

    public LintResult {
        Objects.requireNonNull(versionSource, "versionSource");
        revisions = List.copyOf(revisions);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** One linted revision and how long measuring it took. */
    public record RevisionReport(String revision, String message, String file, boolean transactional,
                                 List<StatementReport> statements, Duration duration) {
        public RevisionReport {
            statements = List.copyOf(statements);
        }
    }

    /** What one statement did to relations that existed before its revision. */
    public record StatementReport(int line, Map<String, String> locks, List<String> rewritten, List<String> scanned,
                                  boolean locksObserved, String failure) {
        public StatementReport {
            locks = Map.copyOf(locks);
            rewritten = List.copyOf(rewritten);
            scanned = List.copyOf(scanned);
        }
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> !f.accepted() && f.severity() == severity).count();
    }

    public long accepted() {
        return findings.stream().filter(Finding::accepted).count();
    }

    /** Whether a finding that is not accepted is at or above {@code threshold}. */
    public boolean fails(Severity threshold) {
        return findings.stream().anyMatch(f -> !f.accepted() && f.severity().atLeast(threshold));
    }

    public boolean hasErrors() {
        return fails(Severity.ERROR);
    }

    /** The findings that are not accepted, at or above {@code threshold}. */
    public List<Finding> failing(Severity threshold) {
        return findings.stream().filter(f -> !f.accepted() && f.severity().atLeast(threshold)).toList();
    }

    /** {@code Linted 3 revisions (7 statements) in 412 ms: 1 error, 2 warnings, 0 info, 1 accepted}. */
    public String summary() {
        long statements = revisions.stream().mapToLong(r -> r.statements().size()).sum();
        long ms = revisions.stream().mapToLong(r -> r.duration().toMillis()).sum();
        return "Linted " + plural(revisions.size(), "revision") + " (" + plural(statements, "statement") + ") in " + ms + " ms"
                + " for PostgreSQL " + pgVersion + ": " + plural(count(Severity.ERROR), "error") + ", "
                + plural(count(Severity.WARNING), "warning") + ", " + count(Severity.INFO) + " info, " + accepted() + " accepted";
    }

    /** The message of a failing lint: how many findings at or above the threshold, and how to accept one. */
    public String failureMessage(Severity threshold) {
        List<Finding> failing = failing(threshold);
        StringBuilder text = new StringBuilder("lint found " + plural(failing.size(), "finding") + " at or above " + threshold.label() + ":");
        failing.forEach(f -> text.append("\n  ").append(f.text()));
        text.append("\nFix them, or accept one with a comment line '-- migrate:lint-ignore RULE reason' right above its statement"
                + " (or raise " + setting("failOn") + ").");
        return text.toString();
    }

    /** Per revision a heading and what each statement locked, rewrote or scanned; then the findings. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(notes);
        for (RevisionReport revision : revisions) {
            lines.add("Revision " + revision.revision() + " (" + revision.message() + "): " + plural(revision.statements().size(), "statement")
                    + (revision.transactional() ? "" : ", non-transactional") + ", measured in " + revision.duration().toMillis() + " ms");
            for (StatementReport s : revision.statements()) {
                List<String> parts = new ArrayList<>();
                s.locks().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> parts.add(e.getValue() + " on " + e.getKey()));
                s.rewritten().forEach(r -> parts.add("rewrites " + r));
                s.scanned().forEach(r -> parts.add("scans " + r));
                if (s.failure() != null) {
                    parts.add("fails: " + s.failure());
                }
                if (!parts.isEmpty()) {
                    lines.add("  line " + s.line() + ": " + String.join(", ", parts));
                }
            }
        }
        return lines;
    }

    public String toJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("pgVersion", pgVersion);
        root.put("pgVersionSource", versionSource);
        root.put("measuredOn", scratchVersion);
        ArrayNode revs = root.putArray("revisions");
        for (RevisionReport r : revisions) {
            ObjectNode node = revs.addObject();
            node.put("revision", r.revision());
            node.put("message", r.message());
            node.put("file", r.file());
            node.put("transactional", r.transactional());
            node.put("durationMs", r.duration().toMillis());
            ArrayNode statements = node.putArray("statements");
            for (StatementReport s : r.statements()) {
                ObjectNode st = statements.addObject();
                st.put("line", s.line());
                ArrayNode locks = st.putArray("locks");
                s.locks().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> locks.addObject().put("relation", e.getKey()).put("mode", e.getValue()));
                st.put("locksObserved", s.locksObserved());
                s.rewritten().forEach(st.putArray("rewrites")::add);
                s.scanned().forEach(st.putArray("fullScans")::add);
                if (s.failure() != null) {
                    st.put("failure", s.failure());
                }
            }
        }
        ArrayNode list = root.putArray("findings");
        for (Finding f : findings) {
            ObjectNode node = list.addObject();
            node.put("revision", f.revision());
            node.put("file", f.file());
            node.put("line", f.line());
            node.put("rule", f.rule().id());
            node.put("severity", f.severity().label());
            node.put("summary", f.summary());
            node.put("problem", f.rule().problem());
            node.put("fix", f.rule().fix());
            node.put("versions", f.rule().versions());
            node.put("measured", f.measured());
            node.put("accepted", f.accepted());
            f.acceptedBecause().ifPresent(reason -> node.put("reason", reason));
            node.put("text", f.text());
        }
        ObjectNode counts = root.putObject("counts");
        for (Severity s : Severity.values()) {
            counts.put(s.label(), count(s));
        }
        counts.put("accepted", accepted());
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write lint JSON", e);
        }
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
