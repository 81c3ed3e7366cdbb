package dev.migrate.engine;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Root of every error the engine reports. Unchecked; subclasses are named for what failed, carry
 * its data, and say their {@link Kind}: the user's content (a bad target, failing SQL, multiple
 * heads, a malformed file) or the environment (an unreachable server, a lost connection, the
 * embedded server, an unreadable file). Messages say what went wrong, where, and what to do next,
 * never contain a password, and name settings and commands through {@link Advice}, so that a
 * caller can write them as its users type them ({@link #message(UnaryOperator, UnaryOperator)}).
 */
public class MigrateException extends RuntimeException {
    /** Whose error it is, for a caller that reports the two differently (Maven: failure or error). */
    public enum Kind {
        /** The user's content: targets, revision files, SQL, settings' values the user must change. */
        CONTENT,
        /** The environment: servers, connections, files that cannot be read or written. */
        ENVIRONMENT
    }

    private final Kind kind;
    private String template;
    private Throwable cause;

    protected MigrateException(Kind kind, String message, Throwable cause) {
        super(message, null);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.template = message;
        this.cause = cause;
    }

    protected MigrateException(Kind kind, String message) {
        this(kind, message, null);
    }

    /** An error of the user's content; prefer a subclass named for what failed. */
    public MigrateException(String message) {
        this(Kind.CONTENT, message, null);
    }

    /** An error of the user's content; prefer a subclass named for what failed. */
    public MigrateException(String message, Throwable cause) {
        this(Kind.CONTENT, message, cause);
    }

    /** The user's content or the environment. */
    public Kind kind() {
        return kind;
    }

    /** The message in the engine's words ({@code migrate.resume=REV}, {@code the upgrade command}). */
    @Override
    public String getMessage() {
        return Advice.plain(template);
    }

    /** The message with settings and commands written by the caller, e.g. {@code -Dmigrate.resume=REV}. */
    public String message(UnaryOperator<String> settings, UnaryOperator<String> commands) {
        return Advice.render(template, settings, commands);
    }

    /** The message with settings written by the caller ({@code name=value} in), commands as the engine names them. */
    public String message(UnaryOperator<String> settings) {
        return message(settings, c -> "the " + c + " command");
    }

    @Override
    public synchronized Throwable getCause() {
        return cause;
    }

    @Override
    public synchronized Throwable initCause(Throwable cause) {
        if (this.cause != null || cause == this) {
            throw new IllegalStateException("cause already set or self-causation", this);
        }
        this.cause = cause;
        return this;
    }

    /**
     * Scrubs this exception in place: its message through {@code text}, its cause replaced by
     * {@code copy} of it, so that it keeps its type, kind and data and loses a secret a driver or
     * server put into the text.
     */
    public final void scrub(UnaryOperator<String> text, UnaryOperator<Throwable> copy) {
        template = text.apply(template);
        if (cause != null) {
            cause = copy.apply(cause);
        }
    }
}
