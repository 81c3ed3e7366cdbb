package dev.migrate.engine.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file the way docker compose and python-dotenv do:
 * <ul>
 *   <li>{@code KEY=VALUE} lines; an optional {@code export } prefix; blank lines and {@code #}
 *       comments are skipped;</li>
 *   <li>unquoted values are trimmed and end at a {@code #} preceded by whitespace;</li>
 *   <li>{@code 'single quoted'} values are literal;</li>
 *   <li>{@code "double quoted"} values may span lines and understand {@code \n \r \t \" \\ \$};</li>
 *   <li>unquoted and double-quoted values expand {@code ${VAR}} and {@code ${VAR:-default}} from
 *       the process environment first, then from keys defined earlier in the file; an unknown
 *       variable expands to the empty string.</li>
 * </ul>
 * Syntax errors name the file and line but never quote the line, which may hold a secret.
 */
public final class DotEnv {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private DotEnv() {
    }

    /** The file's entries in file order, or an empty map when the file does not exist. */
    public static Map<String, String> read(Path file, Function<String, String> environment) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString(), environment);
    }

    /** Parses {@code .env} text; {@code source} names it in error messages. */
    public static Map<String, String> parse(String text, String source, Function<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        Function<String, String> lookup = name -> {
            String value = environment.apply(name);
            return value != null ? value : values.get(name);
        };
        Parser parser = new Parser(text, source);
        while (parser.skipBlankAndComments()) {
            int line = parser.line;
            String key = parser.key();
            if (!KEY.matcher(key).matches()) {
                throw parser.error(line, "expected KEY=VALUE with a key of letters, digits and '_'");
            }
            values.put(key, parser.value(lookup));
        }
        return Collections.unmodifiableMap(values);
    }

    private static final class Parser {
        private final String text;
        private final String source;
        private int pos;
        private int line = 1;

        Parser(String text, String source) {
            this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
            this.source = source;
        }

        ConfigException error(int atLine, String reason) {
            return new ConfigException(source + " line " + atLine + ": " + reason);
        }

        /** Moves to the start of the next entry; false at the end of the text. */
        boolean skipBlankAndComments() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    line++;
                    pos++;
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '#') {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else {
                    return true;
                }
            }
            return false;
        }

        String key() {
            int equals = text.indexOf('=', pos);
            int newline = text.indexOf('\n', pos);
            if (equals < 0 || newline >= 0 && newline < equals) {
                throw error(line, "expected KEY=VALUE");
            }
            String key = text.substring(pos, equals).strip();
            if (key.startsWith("export ") || key.startsWith("export\t")) {
                key = key.substring(7).strip();
            }
            pos = equals + 1;
            return key;
        }

        String value(Function<String, String> lookup) {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
            if (pos < text.length() && text.charAt(pos) == '\'') {
                return singleQuoted();
            }
            if (pos < text.length() && text.charAt(pos) == '"') {
                return expand(doubleQuoted(), lookup);
            }
            int end = text.indexOf('\n', pos);
            String raw = text.substring(pos, end < 0 ? text.length() : end);
            pos = end < 0 ? text.length() : end;
            for (int i = 0; i < raw.length(); i++) {
                if (raw.charAt(i) == '#' && (i == 0 || Character.isWhitespace(raw.charAt(i - 1)))) {
                    raw = raw.substring(0, i);
                    break;
                }
            }
            return expand(raw.strip(), lookup);
        }

        private String singleQuoted() {
            int start = line;
            int close = text.indexOf('\'', pos + 1);
            if (close < 0) {
                throw error(start, "a single-quoted value is not closed");
            }
            String value = text.substring(pos + 1, close);
            line += (int) value.chars().filter(c -> c == '\n').count();
            pos = close + 1;
            restOfLine(start);
            return value;
        }

        private String doubleQuoted() {
            int start = line;
            StringBuilder value = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw error(start, "a double-quoted value is not closed");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    break;
                }
                if (c == '\n') {
                    line++;
                }
                if (c == '\\' && pos < text.length()) {
                    char next = text.charAt(pos++);
                    switch (next) {
                        case 'n' -> value.append('\n');
                        case 'r' -> value.append('\r');
                        case 't' -> value.append('\t');
                        case '"', '\\' -> value.append(next);
                        // kept escaped so that expansion leaves it alone
                        case '$' -> value.append("\\$");
                        default -> value.append('\\').append(next);
                    }
                } else if (c == '$') {
                    value.append('$');
                } else {
                    value.append(c);
                }
            }
            restOfLine(start);
            return value.toString();
        }

        /** After a closing quote only whitespace and a comment may follow. */
        private void restOfLine(int start) {
            int end = text.indexOf('\n', pos);
            String rest = text.substring(pos, end < 0 ? text.length() : end).strip();
            if (!rest.isEmpty() && !rest.startsWith("#")) {
                throw error(start, "unexpected text after a quoted value");
            }
            pos = end < 0 ? text.length() : end;
        }

        private static String expand(String value, Function<String, String> lookup) {
            if (value.indexOf('$') < 0) {
                return value;
            }
            StringBuilder out = new StringBuilder(value.length());
            int i = 0;
            while (i < value.length()) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length() && value.charAt(i + 1) == '$') {
                    out.append('$');
                    i += 2;
                } else if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '{') {
                    int close = value.indexOf('}', i + 2);
                    if (close < 0) {
                        out.append(value, i, value.length());
                        break;
                    }
                    String expression = value.substring(i + 2, close);
                    int dash = expression.indexOf(":-");
                    String name = dash < 0 ? expression : expression.substring(0, dash);
                    String found = KEY.matcher(name).matches() ? lookup.apply(name) : null;
                    if (found == null || found.isEmpty() && dash >= 0) {
                        found = dash < 0 ? "" : expression.substring(dash + 2);
                    }
                    out.append(found);
                    i = close + 1;
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }
    }
}
