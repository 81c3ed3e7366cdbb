package dev.migrate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A row, not the floor: each file run by {@code psql -1 -f FILE}, one process, one connection and one
 * transaction per file, in a bash loop. No bookkeeping at all.
 *
 * <p>The psql binary itself is used, not Debian's Perl wrapper {@code /usr/bin/psql}, whose
 * start-up would add tens of milliseconds per file to the floor. {@code PSQL=/path/to/psql}
 * overrides the choice.
 */
public final class PsqlTool implements Tool {
    private static final String LOOP = "for f in \"$2\"/*.sql; do \"$1\" -X -q -1 -v ON_ERROR_STOP=1 -f \"$f\" >/dev/null || exit 1; done";
    private static final Optional<Path> BINARY = find();

    @Override
    public String name() {
        return "psql -1 -f (a process per file)";
    }

    @Override
    public void migrate(Server server, String database, Workload workload) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", LOOP, "psql-loop", binary().toString(), workload.psqlDir().toString());
        pb.environment().putAll(server.libpqEnvironment(database));
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT);
        int rc = pb.start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("psql loop exited with " + rc);
        }
    }

    static boolean available() {
        return BINARY.isPresent();
    }

    static Path binary() {
        return BINARY.orElseThrow(() -> new IllegalStateException("no psql found: put it on PATH or set PSQL"));
    }

    static String version() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary().toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor();
        return out + " (" + binary() + ")";
    }

    private static Optional<Path> find() {
        String override = System.getenv("PSQL");
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override));
        }
        Optional<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, "psql"))
                .filter(Files::isExecutable)
                .findFirst();
        if (onPath.isPresent() && isScript(onPath.get())) {
            // Debian's wrapper: take the newest installed client binary instead
            try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                Optional<Path> real = versions.map(v -> v.resolve("bin/psql")).filter(Files::isExecutable)
                        .max(Comparator.comparingInt(PsqlTool::major));
                if (real.isPresent()) {
                    return real;
                }
            } catch (IOException e) {
                return onPath;
            }
        }
        return onPath;
    }

    private static int major(Path binary) {
        try {
            return Integer.parseInt(binary.getParent().getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isScript(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == '#' && head[1] == '!';
        } catch (IOException e) {
            return false;
        }
    }
}
