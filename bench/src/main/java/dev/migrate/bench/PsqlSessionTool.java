package dev.migrate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor of the ratios: the same files, still one transaction each, but all in
 * one psql session ({@code BEGIN; \i FILE; COMMIT;} per file), so no process start or connection
 * per file. What is left is the database's own work plus one client's round trips: a tool's time
 * beyond this is its own bookkeeping.
 */
public final class PsqlSessionTool implements Tool {
    @Override
    public String name() {
        return "psql, one session (floor)";
    }

    @Override
    public void migrate(Server server, String database, Workload workload) throws IOException, InterruptedException {
        Path script = script(workload);
        ProcessBuilder pb = new ProcessBuilder(PsqlTool.binary().toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", script.toString());
        pb.environment().putAll(server.libpqEnvironment(database));
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT);
        int rc = pb.start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("psql exited with " + rc);
        }
    }

    private static Path script(Workload workload) throws IOException {
        Path script = workload.root().resolve("psql-one-session.sql");
        if (Files.exists(script)) {
            return script;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(workload.psqlDir())) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            text.append("BEGIN;\n\\i ").append(file).append("\nCOMMIT;\n");
        }
        Files.writeString(script, text.toString(), StandardCharsets.UTF_8);
        return script;
    }
}
