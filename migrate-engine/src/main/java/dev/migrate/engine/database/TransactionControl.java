package dev.migrate.engine.database;

import java.util.Locale;
import java.util.Optional;

/**
 * Recognises statements that end or start a transaction: {@code BEGIN}, {@code START TRANSACTION},
 * {@code COMMIT} (also {@code COMMIT PREPARED}, {@code COMMIT AND CHAIN}), {@code END}, {@code ABORT},
 * {@code ROLLBACK} (but not {@code ROLLBACK TO SAVEPOINT}, which stays inside the transaction),
 * {@code ROLLBACK PREPARED} and {@code PREPARE TRANSACTION}. Only the statement's first words count,
 * after leading comments and blanks; {@code BEGIN ... END} inside a {@code DO} block or a function
 * body is part of that statement and never its start.
 */
final class TransactionControl {
    private TransactionControl() {
    }

    /** The command and its line offset within the statement (0: its first line). */
    record Command(String command, int lineOffset) {
    }

    static Optional<Command> find(String sql) {
        int i = skipBlanksAndComments(sql, 0);
        int lines = (int) sql.substring(0, i).chars().filter(c -> c == '\n').count();
        String first = word(sql, i);
        int next = skipBlanksAndComments(sql, i + first.length());
        String second = word(sql, next);
        String command = switch (first) {
            case "BEGIN", "END", "ABORT" -> first;
            case "COMMIT" -> second.equals("PREPARED") ? "COMMIT PREPARED" : "COMMIT";
            case "START" -> second.equals("TRANSACTION") ? "START TRANSACTION" : null;
            case "ROLLBACK" -> second.equals("TO") ? null : second.equals("PREPARED") ? "ROLLBACK PREPARED" : "ROLLBACK";
            case "PREPARE" -> second.equals("TRANSACTION") ? "PREPARE TRANSACTION" : null;
            default -> null;
        };
        return Optional.ofNullable(command).map(c -> new Command(c, lines));
    }

    private static String word(String sql, int from) {
        int end = from;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return sql.substring(from, end).toUpperCase(Locale.ROOT);
    }

    private static int skipBlanksAndComments(String sql, int from) {
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? sql.length() : eol + 1;
            } else if (sql.startsWith("/*", i)) {
                int depth = 0;
                while (i < sql.length()) {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        i++;
                    }
                }
            } else {
                break;
            }
        }
        return i;
    }
}
