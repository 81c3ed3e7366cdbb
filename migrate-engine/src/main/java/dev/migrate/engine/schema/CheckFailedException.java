package dev.migrate.engine.schema;

import dev.migrate.engine.MigrateException;

/** {@code check} found problems: the message lists one line per finding. */
public final class CheckFailedException extends MigrateException {
    private final CheckReport report;

    public CheckFailedException(CheckReport report) {
        super(report.summary() + "\n" + String.join("\n", report.findings().stream().map(CheckFinding::message).toList()));
        this.report = report;
    }

    public CheckReport report() {
        return report;
    }
}
