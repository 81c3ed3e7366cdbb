package dev.migrate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The floor plus the rows every migration tool writes: the same psql session as
 * {@link PsqlSessionTool}, and in each file's transaction, after its statements, the change of the
 * version row and one history row, in tables shaped like migrate's. The difference to the floor is
 * what recording a revision costs the server; the difference from this row to a tool is the
 * tool's own (client, round trips, checks).
 */
public final class PsqlBookkeepingTool implements Tool {
    @Override
    public String name() {
        return "psql, one session + bookkeeping rows";
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
        Path script = workload.root().resolve("psql-one-session-bookkeeping.sql");
        if (Files.exists(script)) {
            return script;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(workload.psqlDir())) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        StringBuilder text = new StringBuilder("""
                CREATE TABLE bench_version (version_num varchar(64) NOT NULL PRIMARY KEY);
                CREATE TABLE bench_history (
                    id bigserial PRIMARY KEY,
                    revision varchar(64) NOT NULL,
                    direction varchar(16) NOT NULL CHECK (direction IN ('upgrade', 'downgrade')),
                    checksum varchar(128),
                    applied_by text NOT NULL DEFAULT current_user,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    duration_ms bigint NOT NULL DEFAULT 0,
                    environment text,
                    tool_version text,
                    message text,
                    status varchar(16) NOT NULL DEFAULT 'done' CHECK (status IN ('done', 'running')),
                    statements_done integer
                );
                """);
        for (int i = 1; i <= files.size(); i++) {
            String id = Workload.revisionId(i);
            text.append("BEGIN;\n\\i ").append(files.get(i - 1)).append('\n');
            text.append(i == 1 ? "INSERT INTO bench_version (version_num) VALUES ('" + id + "');\n"
                    : "UPDATE bench_version SET version_num = '" + id + "' WHERE version_num = '" + Workload.revisionId(i - 1) + "';\n");
            text.append(String.format(Locale.ROOT, "INSERT INTO bench_history (revision, direction, checksum, duration_ms, environment,"
                    + " tool_version, message) VALUES ('%s', 'upgrade', 'v2:%064x', (EXTRACT(EPOCH FROM clock_timestamp() - now())"
                    + " * 1000)::bigint, 'local', 'bench', 'create item %d');%n", id, i, i));
            text.append("COMMIT;\n");
        }
        Files.writeString(script, text.toString(), StandardCharsets.UTF_8);
        return script;
    }
}
