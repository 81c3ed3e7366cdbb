package dev.migrate.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.migrate.engine.MigrateException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs one fuzz input through a parser with a time limit, and sorts what comes back: a result, an
 * engine error of an allowed package, or anything else (a failure: a crash, a hang, a foreign
 * exception).
 */
final class Fuzz {
    /** A try that takes longer than this is a hang: every parser is linear in its input. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(5);

    private static final ExecutorService WORKER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-try");
        t.setDaemon(true);
        return t;
    });

    private Fuzz() {
    }

    /** What one try gave: the value, or the engine error it was refused with. */
    record Outcome<T>(T value, MigrateException error) {
        boolean refused() {
            return error != null;
        }
    }

    /**
     * Runs {@code parse} on {@code input}; fails unless it returns within {@link #TIME_LIMIT} or
     * throws a {@link MigrateException} declared in one of {@code packages} (such as
     * {@code dev.migrate.engine.scripts}).
     */
    static <T> Outcome<T> run(String input, Supplier<T> parse, String... packages) {
        Future<T> future = WORKER.submit(parse::get);
        try {
            return new Outcome<>(future.get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return fail("no answer within " + TIME_LIMIT.toSeconds() + " s (a hang) for " + show(input));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MigrateException error && fromOneOf(error, packages)) {
                assertTrue(error.getMessage() != null && !error.getMessage().isBlank(), "an error without a message for " + show(input));
                return new Outcome<>(null, error);
            }
            return fail("not a typed engine error for " + show(input) + ": " + trace(cause));
        }
    }

    private static boolean fromOneOf(MigrateException error, String... packages) {
        String name = error.getClass().getPackageName();
        for (String p : packages) {
            if (name.equals(p)) {
                return true;
            }
        }
        return false;
    }

    /** The input as Java would write it, cut to 2,000 characters, for a failure message. */
    static String show(String input) {
        StringBuilder sb = new StringBuilder("\"");
        int limit = Math.min(input.length(), 2000);
        for (int i = 0; i < limit; i++) {
            char c = input.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
        if (input.length() > limit) {
            sb.append("... (").append(input.length()).append(" characters)");
        }
        return sb.toString();
    }

    static String trace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
