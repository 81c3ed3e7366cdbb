package dev.migrate.engine.lint;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A statement's text for keyword rules: comments removed, string literals, quoted identifiers
 * and dollar-quoted bodies blanked out, whitespace collapsed, upper case. Keyword rules only say
 * what the text asks for; what it does comes from measuring.
 */
final class SqlText {
    private final String raw;
    private final String keywords;

    private SqlText(String raw, String keywords) {
        this.raw = raw;
        this.keywords = keywords;
    }

    static SqlText of(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                out.append(' ');
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int depth = 0;
                do {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        i++;
                    }
                } while (i < n && depth > 0);
                out.append(' ');
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n) {
                    if (sql.charAt(j) == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\'' && sql.charAt(j) == '\\' && i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')) {
                        j++;
                    }
                    j++;
                }
                out.append(c == '"' ? "\"" + sql.substring(i + 1, Math.min(j, n)) + "\"" : "''");
                i = j + 1;
            } else if (c == '$') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                    j++;
                }
                if (j < n && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
                    String tag = sql.substring(i, j + 1);
                    int close = sql.indexOf(tag, j + 1);
                    out.append("$$");
                    i = close < 0 ? n : close + tag.length();
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        String keywords = out.toString().replaceAll("\\s+", " ").trim().toUpperCase(Locale.ROOT);
        return new SqlText(sql, keywords);
    }

    /** The text with comments and literals blanked, upper case. */
    String keywords() {
        return keywords;
    }

    boolean startsWith(String regex) {
        return Pattern.compile("^(?:" + regex + ")\\b").matcher(keywords).find();
    }

    boolean contains(String regex) {
        return Pattern.compile("\\b(?:" + regex + ")\\b").matcher(keywords).find();
    }

    /** Whether the raw text (literals included, so also DO bodies) names {@code name}. */
    boolean names(String name) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "(?![A-Za-z0-9_])")
                .matcher(raw.toLowerCase(Locale.ROOT)).find();
    }

    String raw() {
        return raw;
    }
}
