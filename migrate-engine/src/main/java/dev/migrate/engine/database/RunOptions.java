package dev.migrate.engine.database;

import java.util.Set;

/**
 * Choices for one run: transaction grouping, and the revisions whose edited files are accepted
 * ({@code -Dmigrate.acceptChanged=REV}).
 */
public record RunOptions(TransactionMode transactionMode, Set<String> acceptChanged) {
    public RunOptions {
        acceptChanged = Set.copyOf(acceptChanged);
    }

    public static RunOptions defaults() {
        return new RunOptions(TransactionMode.EACH, Set.of());
    }

    public RunOptions withTransactionMode(TransactionMode mode) {
        return new RunOptions(mode, acceptChanged);
    }

    public RunOptions withAcceptChanged(Set<String> revisions) {
        return new RunOptions(transactionMode, revisions);
    }
}
