package dev.migrate.engine.database;

import dev.migrate.engine.MigrateException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How one upgrade, downgrade or stamp runs, from the caller to the code that runs the plan: the
 * transaction grouping, the revisions whose edited files are accepted (setting
 * {@code migrate.acceptChanged}), the confirmation a protected environment needs
 * ({@code migrate.confirm}), and the interrupted non-transactional revision to continue
 * ({@code migrate.resume}). How often a revision is retried after {@code lock_timeout} is an
 * environment's setting, {@link DatabaseSettings#lockRetries()}.
 *
 * @param transactionMode a transaction per revision, or one for the whole run ({@code transaction=all})
 * @param acceptChanged   applied revisions whose edited files are accepted
 * @param confirm         the environment name, confirming a downgrade or stamp on a protected environment
 * @param resume          the interrupted non-transactional revision to continue
 */
public record RunOptions(TransactionMode transactionMode, Set<String> acceptChanged, Optional<String> confirm,
                         Optional<String> resume) {
    /** A transaction per revision, nothing accepted, confirmed or resumed. */
    public static final RunOptions DEFAULT = new RunOptions(TransactionMode.EACH, Set.of(), Optional.empty(), Optional.empty());

    public RunOptions {
        Objects.requireNonNull(transactionMode, "transactionMode");
        acceptChanged = Set.copyOf(acceptChanged);
        confirm = confirm.map(String::strip).filter(s -> !s.isEmpty());
        resume = resume.map(String::strip).filter(s -> !s.isEmpty());
    }

    public static RunOptions defaults() {
        return DEFAULT;
    }

    /** From the caller's string settings; {@code transaction} is {@code each} or {@code all}; nulls mean unset. */
    public static RunOptions of(String transaction, String acceptChanged, String confirm) {
        String mode = transaction == null ? "each" : transaction.trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("each") && !mode.equals("all")) {
            throw new InvalidRunOptionException("transaction", transaction,
                    "use 'each' (a transaction per revision) or 'all' (one for the whole run)");
        }
        Set<String> accepted = acceptChanged == null ? Set.of() : Arrays.stream(acceptChanged.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new RunOptions(mode.equals("all") ? TransactionMode.ALL : TransactionMode.EACH, accepted,
                Optional.ofNullable(confirm), Optional.empty());
    }

    public RunOptions withTransactionMode(TransactionMode mode) {
        return new RunOptions(mode, acceptChanged, confirm, resume);
    }

    public RunOptions withAcceptChanged(Set<String> revisions) {
        return new RunOptions(transactionMode, revisions, confirm, resume);
    }

    public RunOptions withConfirm(Optional<String> environment) {
        return new RunOptions(transactionMode, acceptChanged, environment, resume);
    }

    public RunOptions withResume(Optional<String> revision) {
        return new RunOptions(transactionMode, acceptChanged, confirm, revision);
    }

    /** The same options, continuing the interrupted revision {@code revision} (null or blank: none). */
    public RunOptions withResume(String revision) {
        return withResume(Optional.ofNullable(revision));
    }

    /** The whole run in one transaction. */
    public boolean transactionPerRun() {
        return transactionMode == TransactionMode.ALL;
    }

    /** A run setting with a value that cannot work, e.g. {@code transaction=some}; nothing ran. */
    public static final class InvalidRunOptionException extends MigrateException {
        private final String setting;
        private final String value;

        InvalidRunOptionException(String setting, String value, String advice) {
            super("Unknown " + setting + " mode '" + value + "': " + advice + ".");
            this.setting = setting;
            this.value = value;
        }

        @Override
        public Kind kind() {
            return Kind.CONTENT;
        }

        public String setting() {
            return setting;
        }

        public String value() {
            return value;
        }
    }
}
