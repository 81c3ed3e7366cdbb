package dev.migrate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor: each file run by {@code psql -1 -f FILE}, one process, one connection and one
 * transaction per file, in a bash loop. No bookkeeping at all.
 */
public final class PsqlTool implements Tool {
    private static final String LOOP = "for f in \"$1\"/*.sql; do psql -X -q -1 -v ON_ERROR_STOP=1 -f \"$f\" >/dev/null || exit 1; done";

    @Override
    public String name() {
        return "psql -1 -f (floor)";
    }

    @Override
    public void migrate(Server server, String database, Workload workload) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", LOOP, "psql-loop", workload.psqlDir().toString());
        pb.environment().putAll(server.libpqEnvironment(database));
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT);
        int rc = pb.start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("psql loop exited with " + rc);
        }
    }

    static boolean available() {
        String path = System.getenv().getOrDefault("PATH", "");
        try (Stream<String> dirs = Stream.of(path.split(":"))) {
            return dirs.anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "psql")));
        }
    }

    static List<String> version() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("psql", "--version").redirectErrorStream(true).start();
        List<String> out = new String(p.getInputStream().readAllBytes()).lines().toList();
        p.waitFor();
        return out;
    }
}
