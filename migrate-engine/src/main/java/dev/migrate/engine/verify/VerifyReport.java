package dev.migrate.engine.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code verify} found: each revision in the order it was checked with its outcome and time,
 * the problems (revision and words), and notes (revisions verified upgrade only, seed data loaded).
 * Immutable.
 *
 * @param revisions every revision of the graph, in upgrade order
 * @param problems  what fails the build, in the order found
 * @param notes     what was done differently, without failing
 * @param total     the whole walk, scratch databases included
 */
public record VerifyReport(List<RevisionCheck> revisions, List<Problem> problems, List<String> notes, Duration total) {

    /** How a revision came out. */
    public enum Outcome {
        /** Upgraded, downgraded back to the same schema, upgraded again. */
        PASSED,
        /** It has problems (see {@link VerifyReport#problems()}). */
        FAILED,
        /** Irreversible and allowed: upgraded only. */
        UPGRADE_ONLY,
        /** Not reached: an earlier revision failed to upgrade. */
        NOT_CHECKED;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What kind of problem a revision has. */
    public enum Kind {
        /** The schema after its downgrade differs from the schema before its upgrade. */
        SCHEMA_NOT_RESTORED,
        /** No downgrade, and {@code migrate.allowIrreversible} is not set. */
        IRREVERSIBLE,
        /** Its upgrade fails on an empty database too. */
        UPGRADE_FAILED,
        /** Its upgrade fails only on the seed data. */
        FAILS_ON_EXISTING_DATA,
        /** Its downgrade fails. */
        DOWNGRADE_FAILED,
        /** Its upgrade fails when run again after its downgrade. */
        REUPGRADE_FAILED,
        /** The schema the revisions end in differs from the desired schema (reported on the head revision). */
        HEAD_NOT_DESIRED;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One revision's check.
     *
     * @param duration the time its checks took: upgrade, snapshot, downgrade, snapshot, comparison, upgrade
     */
    public record RevisionCheck(String revision, String message, Outcome outcome, Duration duration) {
        public RevisionCheck {
            Objects.requireNonNull(revision, "revision");
            message = message == null ? "" : message;
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /**
     * One problem of one revision.
     *
     * @param summary what is wrong, e.g. {@code downgrade does not restore the schema}
     * @param details the differences in words ({@code index public.idx_reports_created_at is left behind}), or the error
     */
    public record Problem(String revision, String message, Kind kind, String summary, List<String> details) {
        public Problem {
            Objects.requireNonNull(revision, "revision");
            message = message == null ? "" : message;
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(summary, "summary");
            details = List.copyOf(details);
        }

        /** One line: {@code Revision b2 (index reports): downgrade does not restore the schema: index ... is left behind}. */
        public String text() {
            return "Revision " + revision + (message.isEmpty() ? "" : " (" + message + ")") + ": " + summary
                    + (details.isEmpty() ? "" : ": " + String.join("; ", details));
        }
    }

    public VerifyReport {
        revisions = List.copyOf(revisions);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
        Objects.requireNonNull(total, "total");
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    /** The revisions that were upgraded on the scratch database (all but those not reached). */
    public int revisionsChecked() {
        return (int) revisions.stream().filter(r -> r.outcome() != Outcome.NOT_CHECKED).count();
    }

    /** The mean time of a checked revision. */
    public Duration perRevision() {
        int checked = revisionsChecked();
        if (checked == 0) {
            return Duration.ZERO;
        }
        Duration sum = Duration.ZERO;
        for (RevisionCheck r : revisions) {
            sum = sum.plus(r.duration());
        }
        return sum.dividedBy(checked);
    }

    /** {@code Verified 12 revisions (upgrade, downgrade, upgrade) in 812 ms, 41 ms per revision: no problems}. */
    public String summary() {
        return "Verified " + revisionsChecked() + (revisionsChecked() == 1 ? " revision" : " revisions")
                + " (upgrade, downgrade, upgrade) in " + total.toMillis() + " ms, " + perRevision().toMillis()
                + " ms per revision: " + (problems.isEmpty() ? "no problems"
                : problems.size() + (problems.size() == 1 ? " problem" : " problems"));
    }

    /** One line per revision (with {@code verbose}, its time), the notes, one line per problem, and the summary. */
    public List<String> lines(boolean verbose) {
        List<String> out = new ArrayList<>();
        for (RevisionCheck r : revisions) {
            out.add(r.outcome().word() + " " + r.revision() + (r.message().isEmpty() ? "" : " (" + r.message() + ")")
                    + (verbose && r.outcome() != Outcome.NOT_CHECKED ? " " + r.duration().toMillis() + " ms" : ""));
        }
        out.addAll(notes);
        problems.forEach(p -> out.add(p.text()));
        out.add(summary());
        return out;
    }

    public String toJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("command", "verify");
        root.put("passed", passed());
        root.put("revisionsChecked", revisionsChecked());
        root.put("totalMs", total.toMillis());
        root.put("perRevisionMs", perRevision().toMillis());
        ArrayNode revs = root.putArray("revisions");
        for (RevisionCheck r : revisions) {
            ObjectNode node = revs.addObject();
            node.put("revision", r.revision());
            node.put("message", r.message());
            node.put("outcome", r.outcome().word());
            node.put("durationMs", r.duration().toMillis());
        }
        ArrayNode found = root.putArray("problems");
        for (Problem p : problems) {
            ObjectNode node = found.addObject();
            node.put("revision", p.revision());
            node.put("kind", p.kind().word());
            node.put("summary", p.summary());
            ArrayNode details = node.putArray("details");
            p.details().forEach(details::add);
            node.put("text", p.text());
        }
        ArrayNode noted = root.putArray("notes");
        notes.forEach(noted::add);
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the verify report as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
