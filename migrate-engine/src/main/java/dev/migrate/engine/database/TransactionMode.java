package dev.migrate.engine.database;

import java.util.Locale;

/** How the steps of a plan are grouped into transactions ({@code migrate.transaction}). */
public enum TransactionMode {
    /** Each revision in its own transaction with its version-table change (the default). */
    EACH,
    /** The whole run in one transaction: all or nothing. */
    ALL;

    /** Reads {@code each} or {@code all}, case-insensitively. */
    public static TransactionMode parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "each", "per-revision", "" -> EACH;
            case "all" -> ALL;
            default -> throw new IllegalArgumentException("Unknown transaction mode '" + value
                    + "': use 'each' (one transaction per revision) or 'all' (the whole run in one)");
        };
    }
}
