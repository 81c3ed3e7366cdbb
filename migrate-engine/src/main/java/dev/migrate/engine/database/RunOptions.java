package dev.migrate.engine.database;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Choices for one run: transaction grouping, the revisions whose edited files are accepted
 * ({@code -Dmigrate.acceptChanged=REV}), the interrupted non-transactional revision to continue
 * ({@code -Dmigrate.resume=REV}), and how often a transactional revision that hits
 * {@code lock_timeout} is retried ({@code lockRetries}).
 */
public record RunOptions(TransactionMode transactionMode, Set<String> acceptChanged, Optional<String> resume,
                         int lockRetries) {
    public RunOptions {
        Objects.requireNonNull(transactionMode, "transactionMode");
        acceptChanged = Set.copyOf(acceptChanged);
        Objects.requireNonNull(resume, "resume");
        if (lockRetries < 0) {
            throw new IllegalArgumentException("lockRetries must not be negative: " + lockRetries);
        }
    }

    public RunOptions(TransactionMode transactionMode, Set<String> acceptChanged) {
        this(transactionMode, acceptChanged, Optional.empty(), 0);
    }

    public static RunOptions defaults() {
        return new RunOptions(TransactionMode.EACH, Set.of());
    }

    public RunOptions withTransactionMode(TransactionMode mode) {
        return new RunOptions(mode, acceptChanged, resume, lockRetries);
    }

    public RunOptions withAcceptChanged(Set<String> revisions) {
        return new RunOptions(transactionMode, revisions, resume, lockRetries);
    }

    public RunOptions withResume(Optional<String> revision) {
        return new RunOptions(transactionMode, acceptChanged, revision.filter(r -> !r.isBlank()).map(String::strip), lockRetries);
    }

    public RunOptions withLockRetries(int retries) {
        return new RunOptions(transactionMode, acceptChanged, resume, retries);
    }
}
