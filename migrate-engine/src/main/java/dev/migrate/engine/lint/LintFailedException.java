package dev.migrate.engine.lint;

import dev.migrate.engine.MigrateException;

/** {@code lint} found findings, not accepted, at or above the {@code migrate.failOn} threshold. */
public final class LintFailedException extends MigrateException {
    private final transient LintResult result;
    private final Severity threshold;

    public LintFailedException(LintResult result, Severity threshold) {
        super(result.failureMessage(threshold));
        this.result = result;
        this.threshold = threshold;
    }

    public LintResult result() {
        return result;
    }

    public Severity threshold() {
        return threshold;
    }
}
