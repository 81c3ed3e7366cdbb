package dev.migrate.engine.verify;

import dev.migrate.engine.MigrateException;

import java.util.stream.Collectors;

/** {@code verify} found problems: the message lists each, one line per revision and problem. */
public final class VerifyFailedException extends MigrateException {
    private final VerifyReport report;

    public VerifyFailedException(VerifyReport report) {
        super("verify found " + report.problems().size() + (report.problems().size() == 1 ? " problem" : " problems") + ":\n"
                + report.problems().stream().map(p -> "  " + p.text()).collect(Collectors.joining("\n")));
        this.report = report;
    }

    public VerifyReport report() {
        return report;
    }
}
