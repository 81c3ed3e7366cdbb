package dev.migrate.bench;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Flight Recorder recording around one piece of work, boiled down to what a reader acts on:
 * time blocked reading from the server, and where the CPU samples fall (hottest methods, and
 * the first {@code dev.migrate} frame on each sampled stack).
 */
public final class JfrSummary {
    private JfrSummary() {
    }

    interface Work {
        void run() throws Exception;
    }

    static List<String> record(Path file, Work work) throws Exception {
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO).withStackTrace();
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            work.run();
            recording.stop();
            recording.dump(file);
        }
        return summarize(file);
    }

    static List<String> summarize(Path file) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> engine = new HashMap<>();
        Map<String, Integer> library = new HashMap<>();
        int samples = 0;
        long socketNanos = 0;
        int socketReads = 0;
        Map<String, Long> socketByCaller = new HashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.ExecutionSample")) {
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                self.merge(method(stack.getFrames().get(0)), 1, Integer::sum);
                engine.merge(firstEngineFrame(stack), 1, Integer::sum);
                library.merge(library(stack), 1, Integer::sum);
            } else if (type.equals("jdk.SocketRead")) {
                socketReads++;
                long nanos = event.getDuration().toNanos();
                socketNanos += nanos;
                if (event.getStackTrace() != null) {
                    socketByCaller.merge(firstEngineFrame(event.getStackTrace()), nanos, Long::sum);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "blocked reading from the server: %,.0f ms in %,d reads", socketNanos / 1e6, socketReads));
        top(socketByCaller).stream().limit(8).forEach(e -> lines.add(String.format(Locale.ROOT,
                "  %,9.1f ms  %s", e.getValue() / 1e6, e.getKey())));
        lines.add(String.format(Locale.ROOT, "CPU samples (every 10 ms while running Java code): %,d", samples));
        lines.add("  hottest methods (self):");
        for (var e : top(self).stream().limit(12).toList()) {
            lines.add(String.format(Locale.ROOT, "  %5.1f%%  %s", 100.0 * e.getValue() / samples, e.getKey()));
        }
        lines.add("  by the top-most frame outside the JDK (package):");
        for (var e : top(library).stream().limit(12).toList()) {
            lines.add(String.format(Locale.ROOT, "  %5.1f%%  %s", 100.0 * e.getValue() / samples, e.getKey()));
        }
        lines.add("  by first dev.migrate frame on the stack (inclusive):");
        for (var e : top(engine).stream().limit(12).toList()) {
            lines.add(String.format(Locale.ROOT, "  %5.1f%%  %s", 100.0 * e.getValue() / samples, e.getKey()));
        }
        return lines;
    }

    private static <V extends Comparable<V>> List<Map.Entry<String, V>> top(Map<String, V> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, V>comparingByValue().reversed()).toList();
    }

    /** The package of the first frame, from the top, that is not the JDK's own. */
    private static String library(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (!(type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("com.sun."))) {
                int dot = type.lastIndexOf('.');
                return dot < 0 ? type : type.substring(0, dot);
            }
        }
        return "(JDK only)";
    }

    /** Prints the summary of a recording: {@code JfrSummary FILE.jfr}. */
    public static void main(String[] args) throws IOException {
        summarize(Path.of(args[0])).forEach(System.out::println);
    }

    private static String firstEngineFrame(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("dev.migrate.engine.")) {
                return method(frame);
            }
        }
        return "(outside the engine: " + method(stack.getFrames().get(stack.getFrames().size() - 1)) + ")";
    }

    private static String method(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

}
