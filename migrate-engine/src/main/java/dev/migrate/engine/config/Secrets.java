package dev.migrate.engine.config;

import dev.migrate.engine.MigrateException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scrubs secrets out of text before it is printed or put into an exception: the known passwords in
 * their raw and percent-encoded forms, the password part of any {@code user:password@host}
 * userinfo, and {@code password=…} pairs of JDBC URLs and libpq connection strings.
 *
 * <p>A known password is masked where it stands as a token, never inside a longer word: an
 * occurrence is masked unless a letter, digit or {@code _} of the text touches an edge of it that
 * is itself a letter, digit or {@code _}. So with the password {@code x}, {@code ux_a} and
 * {@code db.example.com} are left alone while {@code password x failed} and {@code u:x@db} are
 * masked; the rest of the message stays as the driver or server wrote it. A secret of 8 characters
 * or more cannot be part of a word by chance, so it is masked wherever it appears.
 *
 * <pre>{@code
 * Secrets secrets = config.secrets();
 * log.info(secrets.scrub(message));
 * throw secrets.wrap("Cannot connect to " + config.description(), sqlException);
 * }</pre>
 */
public final class Secrets {
    /** What a removed secret is replaced with. */
    public static final String MASK = "***";
    /** From this length on a known secret is masked wherever it appears, even inside a word. */
    private static final int LONG_SECRET = 8;

    /** {@code scheme://user:password@} or a bare {@code user:password@host}; bounded, so linear in the text. */
    private static final Pattern USER_INFO = Pattern.compile(
            "(?<![\\w.%+-])((?:[A-Za-z][A-Za-z0-9+.-]*://)?[^\\s:/@?#'\"]{1,128}):([^\\s/'\"]{1,256})@(?=[\\w\\[.%-])");
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern PASSWORD_PAIR = Pattern.compile(
            "(?i)(\\bpass(?:word)?\\s*=\\s*)('[^']*'|\"[^\"]*\"|[^\\s&;,'\")]+)");

    private static final Secrets NONE = new Secrets(List.of());

    private final List<String> forms;

    private Secrets(List<String> forms) {
        this.forms = forms;
    }

    /** Scrubs only the shapes of secrets (userinfo, {@code password=}), knowing no password. */
    public static Secrets none() {
        return NONE;
    }

    /** Scrubs these secrets (nulls and empty strings are ignored) and the shapes of any other. */
    public static Secrets of(String... secrets) {
        return of(java.util.Arrays.asList(secrets));
    }

    public static Secrets of(Collection<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            forms.add(secret);
            String rfc3986 = PercentCoding.encode(secret);
            forms.add(rfc3986);
            forms.add(lowerHex(rfc3986));
            String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            forms.add(form);
            forms.add(lowerHex(form));
            forms.add(form.replace("+", "%20"));
        }
        List<String> ordered = new ArrayList<>(forms);
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        return new Secrets(List.copyOf(ordered));
    }

    /** These secrets and those of {@code other}. */
    public Secrets and(Secrets other) {
        List<String> all = new ArrayList<>(forms);
        all.addAll(other.forms);
        Set<String> unique = new LinkedHashSet<>(all);
        List<String> ordered = new ArrayList<>(unique);
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        return new Secrets(List.copyOf(ordered));
    }

    private static String lowerHex(String encoded) {
        Matcher m = Pattern.compile("%[0-9A-F]{2}").matcher(encoded);
        return m.replaceAll(r -> r.group().toLowerCase(Locale.ROOT));
    }

    /** The text with every secret replaced by {@value #MASK}; null stays null. */
    public String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String form : forms) {
            result = replaceTokens(result, form);
        }
        if (result.indexOf('@') >= 0) {
            // only words holding both ':' and '@' can hold userinfo: the regex runs on those alone
            result = WORD.matcher(result).replaceAll(word -> Matcher.quoteReplacement(
                    word.group().indexOf('@') < 0 || word.group().indexOf(':') < 0 ? word.group()
                            : USER_INFO.matcher(word.group()).replaceAll(m -> Matcher.quoteReplacement(
                                    MASK.equals(m.group(2)) ? m.group() : m.group(1) + ":" + MASK + "@"))));
        }
        result = PASSWORD_PAIR.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return result;
    }

    /** True when the text holds none of the known secrets, in any form, as a token. */
    public boolean isClean(String text) {
        return text == null || forms.stream().noneMatch(form -> nextToken(text, form, 0) >= 0);
    }

    private static String replaceTokens(String text, String form) {
        int at = nextToken(text, form, 0);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (at >= 0) {
            out.append(text, from, at).append(MASK);
            from = at + form.length();
            at = nextToken(text, form, from);
        }
        return out.append(text, from, text.length()).toString();
    }

    /** The next occurrence of {@code form} at or after {@code from} that stands as a token, or -1. */
    private static int nextToken(String text, String form, int from) {
        int at = text.indexOf(form, from);
        while (at >= 0) {
            int end = at + form.length();
            boolean left = !isWord(form.charAt(0)) || !wordAt(text, at - 1, -1);
            boolean right = !isWord(form.charAt(form.length() - 1)) || !wordAt(text, end, 1);
            if (form.length() >= LONG_SECRET || left && right) {
                return at;
            }
            at = text.indexOf(form, at + 1);
        }
        return -1;
    }

    /**
     * Whether the text continues a word at {@code i}: a letter, digit or {@code _}, or a {@code .}
     * or {@code -} followed (in direction {@code step}) by one, as inside a host name or an address.
     */
    private static boolean wordAt(String text, int i, int step) {
        if (i < 0 || i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        if (isWord(c)) {
            return true;
        }
        int beyond = i + step;
        return (c == '.' || c == '-') && beyond >= 0 && beyond < text.length() && isWord(text.charAt(beyond));
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /**
     * A {@link ScrubbedFailureException} with the scrubbed message whose cause is a scrubbed copy of
     * {@code cause} (see {@link ScrubbedException}). The original, which may hold a password, is
     * not kept.
     */
    public MigrateException wrap(String message, Throwable cause) {
        return new ScrubbedFailureException(scrub(message), cause == null ? null : scrubbed(cause),
                cause instanceof MigrateException typed ? typed.kind() : MigrateException.Kind.ENVIRONMENT);
    }

    /**
     * An error that is not one of the engine's own (a driver's or the JVM's), whose message held a
     * secret: scrubbed, and of the environment unless it wraps an engine error of the user's content.
     */
    public static final class ScrubbedFailureException extends MigrateException {
        ScrubbedFailureException(String message, Throwable cause, Kind kind) {
            super(kind, message, cause);
        }
    }

    /** Like {@link #wrap(String, Throwable)}, with the cause's own message (or its class name). */
    public MigrateException wrap(Throwable cause) {
        Objects.requireNonNull(cause, "cause");
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
        return wrap(message, cause);
    }

    /** A scrubbed copy of a throwable, its causes and suppressed exceptions, stack traces kept. */
    public ScrubbedException scrubbed(Throwable throwable) {
        Objects.requireNonNull(throwable, "throwable");
        return copy(throwable, new IdentityHashMap<>());
    }

    private ScrubbedException copy(Throwable original, Map<Throwable, ScrubbedException> done) {
        ScrubbedException existing = done.get(original);
        if (existing != null) {
            return existing;
        }
        if (original instanceof ScrubbedException already && forms.isEmpty()) {
            return already;
        }
        String sqlState = original instanceof SQLException sql ? sql.getSQLState()
                : original instanceof ScrubbedException s ? s.sqlState().orElse(null) : null;
        String className = original instanceof ScrubbedException s ? s.originalClassName() : original.getClass().getName();
        ScrubbedException copy = new ScrubbedException(className, scrub(original.getMessage()), sqlState);
        done.put(original, copy);
        copy.setStackTrace(original.getStackTrace());
        Throwable cause = original.getCause();
        if (cause != null && cause != original) {
            copy.initCause(copy(cause, done));
        }
        for (Throwable suppressed : original.getSuppressed()) {
            copy.addSuppressed(copy(suppressed, done));
        }
        return copy;
    }

    /**
     * Stands in for an exception whose message might have held a secret: same class name (shown by
     * {@link #toString()} and so in stack traces), scrubbed message, same stack trace, and the
     * SQLSTATE when the original was an {@link SQLException}.
     */
    public static final class ScrubbedException extends MigrateException {
        private final String originalClassName;
        private final String sqlState;

        ScrubbedException(String originalClassName, String message, String sqlState) {
            super(message);
            this.originalClassName = originalClassName;
            this.sqlState = sqlState;
        }

        public String originalClassName() {
            return originalClassName;
        }

        public Optional<String> sqlState() {
            return Optional.ofNullable(sqlState);
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return message == null ? originalClassName : originalClassName + ": " + message;
        }
    }
}
