package dev.migrate.engine.reliability;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An {@link UpgradeProcess} in a JVM of its own, its output in files next to the project. */
final class Child {
    private final Process process;
    private final Path out;
    private final Path err;
    private final String description;

    private Child(Process process, Path out, Path err, String description) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.description = description;
    }

    /** Starts {@code command} ({@code upgrade} or {@code downgrade}) to {@code target}, with an optional revision to resume. */
    static Child start(Path project, Database db, String name, String command, String target, String resume) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx96m",
                "-cp", System.getProperty("java.class.path"), UpgradeProcess.class.getName(),
                command, project.toString(), db.jdbcUrl(), db.user(), target));
        if (resume != null) {
            cmd.add(resume);
        }
        Path out = project.resolve(name + ".out");
        Path err = project.resolve(name + ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new Child(p, out, err, name + " (" + command + " " + target + (resume == null ? "" : ", resume " + resume) + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    Process process() {
        return process;
    }

    /** Waits for the exit (at most {@code seconds}) and returns its code. */
    int exit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(description + " did not end within " + seconds + " s; output: " + output());
        }
        return process.exitValue();
    }

    /** kill -9, and waits until the JVM is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(description + " survived kill -9");
        }
    }

    String stderr() {
        return read(err);
    }

    /** The line the run printed for its failure ({@code ERROR Type: message} and what follows), or "". */
    String error() {
        String text = stderr();
        int at = text.startsWith("ERROR ") ? 0 : text.indexOf("\nERROR ");
        return at < 0 ? "" : text.substring(at).strip();
    }

    String stdout() {
        return read(out);
    }

    String output() {
        return "\n--- stdout\n" + stdout() + "--- stderr\n" + stderr();
    }

    String describe() {
        return description;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
