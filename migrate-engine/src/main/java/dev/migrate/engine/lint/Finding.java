package dev.migrate.engine.lint;

import java.util.Objects;
import java.util.Optional;

/**
 * One finding of {@code lint}: where (revision, file, line of the statement), which rule, how
 * bad, what was seen ({@code summary}, e.g. {@code ACCESS EXCLUSIVE on public.orders with a table
 * rewrite}), and, when a {@code -- migrate:lint-ignore} comment accepts it, the reason given.
 */
public record Finding(String revision, String file, int line, Rule rule, Severity severity, String summary,
                      boolean measured, Optional<String> acceptedBecause) {
    public Finding {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(acceptedBecause, "acceptedBecause");
    }

    public boolean accepted() {
        return acceptedBecause.isPresent();
    }

    Finding accept(String reason) {
        return new Finding(revision, file, line, rule, severity, summary, measured, Optional.of(reason));
    }

    /** {@code b2b2b2b2b2b2 line 4: ACCESS EXCLUSIVE on public.orders with a table rewrite (changing-column-type): add a new column, backfill, swap}. */
    public String text() {
        String where = revision + " line " + line + ": " + summary + " (" + rule.id() + ")";
        return acceptedBecause.map(reason -> where + " accepted: " + reason).orElse(where + ": " + rule.fix());
    }
}
