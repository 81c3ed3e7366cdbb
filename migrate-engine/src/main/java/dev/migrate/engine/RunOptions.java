package dev.migrate.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How an upgrade or downgrade runs.
 *
 * @param transactionPerRun one transaction for the whole run ({@code transaction=all}) instead of one per revision
 * @param acceptChanged     applied revisions whose edited files are accepted
 * @param confirm           the environment name, confirming a downgrade or stamp on a protected environment
 * @param resume            the interrupted non-transactional revision to continue ({@code -Dmigrate.resume=REV})
 */
public record RunOptions(boolean transactionPerRun, Set<String> acceptChanged, Optional<String> confirm,
                         Optional<String> resume) {
    public static final RunOptions DEFAULT = new RunOptions(false, Set.of(), Optional.empty());

    public RunOptions {
        acceptChanged = Set.copyOf(acceptChanged);
        resume = resume.map(String::strip).filter(s -> !s.isEmpty());
    }

    public RunOptions(boolean transactionPerRun, Set<String> acceptChanged, Optional<String> confirm) {
        this(transactionPerRun, acceptChanged, confirm, Optional.empty());
    }

    /** The same options, continuing the interrupted revision {@code revision} (null or blank: none). */
    public RunOptions withResume(String revision) {
        return new RunOptions(transactionPerRun, acceptChanged, confirm, Optional.ofNullable(revision));
    }

    /** From the plugin's string properties; {@code transaction} is {@code each} or {@code all}. */
    public static RunOptions of(String transaction, String acceptChanged, String confirm) {
        String mode = transaction == null ? "each" : transaction.trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("each") && !mode.equals("all")) {
            throw new MigrateException("Unknown transaction mode '" + transaction + "': use 'each' (a transaction per revision) or 'all' (one for the whole run).");
        }
        Set<String> accepted = acceptChanged == null ? Set.of() : Arrays.stream(acceptChanged.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new RunOptions(mode.equals("all"), accepted, Optional.ofNullable(confirm).filter(s -> !s.isBlank()));
    }
}
