package dev.migrate.engine.graph;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one reader of Alembic's target syntax: {@code [branch@][symbol][+N|-N]} for a target and
 * {@code [from]:[to]} for a range. Nothing else in the engine takes a target string apart.
 */
final class TargetParser {
    private static final String FORMS = "use 'heads', 'head', 'base', a revision id or prefix, 'label@head', "
            + "'label@base', '+N', '-N', 'rev+N' or 'head-N'";

    private TargetParser() {
    }

    /** One target; a range is refused. */
    static Target target(String text) {
        String t = required(text);
        if (t.indexOf(':') >= 0) {
            throw new RangeNotAllowedException(range(t));
        }
        return single(t);
    }

    /** {@code from:to}, {@code :to} or {@code from:}. */
    static Range range(String text) {
        String t = required(text);
        int colon = t.indexOf(':');
        if (colon < 0 || t.indexOf(':', colon + 1) >= 0) {
            throw new InvalidTargetException(t, "Range '" + GraphException.shown(t) + "' must be 'from:to', 'from:' or ':to'.");
        }
        return new Range(t, end(t.substring(0, colon)), end(t.substring(colon + 1)));
    }

    /** A range, or a lone target as the upper end of a range from base. */
    static Range rangeOrTarget(String text) {
        String t = required(text);
        return t.indexOf(':') >= 0 ? range(t) : new Range(t, Optional.empty(), Optional.of(single(t)));
    }

    private static Optional<Target> end(String side) {
        String s = side.strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(single(s));
    }

    private static String required(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidTargetException(String.valueOf(text),
                    "No target given: use 'heads', 'head', 'base', a revision id, 'label@head', '+N' or '-N'.");
        }
        return text.strip();
    }

    private static Target single(String text) {
        int digits = text.length();
        while (digits > 0 && isAsciiDigit(text.charAt(digits - 1))) {
            digits--;
        }
        OptionalInt steps = OptionalInt.empty();
        String rest = text;
        if (digits > 0 && digits < text.length() && (text.charAt(digits - 1) == '+' || text.charAt(digits - 1) == '-')) {
            steps = OptionalInt.of(steps(text, text.substring(digits - 1)));
            rest = text.substring(0, digits - 1);
        }
        int at = rest.indexOf('@');
        Optional<String> branch = at < 0 ? Optional.empty() : Optional.of(rest.substring(0, at));
        String symbol = rest.substring(at + 1);
        if (at >= 0 && (branch.get().isEmpty() || symbol.isEmpty() && steps.isEmpty())) {
            throw new InvalidTargetException(text, "Target '" + GraphException.shown(text)
                    + "' is incomplete: write 'label@head', 'label@base', 'label@<revision>' or 'label@+N'.");
        }
        if (symbol.isEmpty() && steps.isEmpty() || !symbol.isEmpty() && !Revision.isValidId(symbol)
                || branch.isPresent() && !Revision.isValidId(branch.get())) {
            throw new InvalidTargetException(text, "Target '" + GraphException.shown(text) + "' is not valid: " + FORMS
                    + " (a range 'from:to' only for offline SQL and history).");
        }
        return new Target(text, branch, symbol.isEmpty() ? Optional.empty() : Optional.of(symbol), steps);
    }

    /** Only 0-9 count steps: {@code Character.isDigit} would read '+\u0663' (an Arabic-Indic three) as +3. */
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int steps(String text, String signed) {
        try {
            return Integer.parseInt(signed);
        } catch (NumberFormatException e) {
            throw new InvalidTargetException(text, "Relative target '" + GraphException.shown(text) + "' has too large a step.");
        }
    }
}
