package dev.migrate.engine.lint;

import java.util.Locale;

/** How bad a finding is; {@code lint} fails at or above {@code migrate.failOn} (default {@link #ERROR}). */
public enum Severity {
    INFO, WARNING, ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** {@code error}, {@code warning} or {@code info}, in any case; {@code null} or blank means {@code error}. */
    public static Severity parse(String text) {
        if (text == null || text.isBlank()) {
            return ERROR;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidLintSettingException("failOn", text, "use error, warning or info");
        }
    }
}
