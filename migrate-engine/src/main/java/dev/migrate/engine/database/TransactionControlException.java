package dev.migrate.engine.database;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A transactional revision holds a transaction-control statement ({@code COMMIT}, {@code ROLLBACK},
 * {@code BEGIN}, ...), which would end the transaction that also carries its version-table change.
 * Found before anything runs.
 */
public final class TransactionControlException extends DatabaseException {
    private final List<Finding> findings;

    /** One statement: its revision, file and line, and the command it starts with. */
    public record Finding(String revision, Path file, int line, String command) {
    }

    TransactionControlException(List<Finding> findings) {
        super(findings.stream().map(f -> "Revision " + f.revision() + " (" + f.file() + ", line " + f.line() + ") runs "
                        + f.command() + ".").collect(Collectors.joining("\n"))
                + "\nA transactional revision runs in one transaction together with its version-table change; "
                + "transaction control inside it would commit or undo part of it without the version change. Remove "
                + "the statement, or put 'Transactional: false' in the revision's header to run its statements one "
                + "by one. Nothing was run.");
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
