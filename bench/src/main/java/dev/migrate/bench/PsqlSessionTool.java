package dev.migrate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The floor of the ratios: the same files, still one transaction each, but all in
 * one psql session ({@code BEGIN; \i FILE; COMMIT;} per file), so no process start or connection
 * per file. What is left is the database's own work plus one client's round trips: a tool's time
 * beyond this is its own bookkeeping.
 *
 * <p>{@link #withBookkeepingRows()} is the floor plus the rows every migration tool writes: in each
 * file's transaction, after its statements, the change of the version row and one history row, in
 * tables shaped like migrate's. Its difference to the floor is what recording a revision costs the
 * server; the difference from it to a tool is the tool's own (client, round trips, checks).
 */
public final class PsqlSessionTool implements Tool {
    private static final String TABLES = """
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
            """;

    private final boolean rows;

    /** The floor: the files alone. */
    public PsqlSessionTool() {
        this(false);
    }

    private PsqlSessionTool(boolean rows) {
        this.rows = rows;
    }

    /** The floor plus each revision's version and history rows. */
    public static PsqlSessionTool withBookkeepingRows() {
        return new PsqlSessionTool(true);
    }

    @Override
    public String name() {
        return rows ? "psql, one session + bookkeeping rows" : "psql, one session (floor)";
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

    private Path script(Workload workload) throws IOException {
        Path script = workload.root().resolve(rows ? "psql-one-session-bookkeeping.sql" : "psql-one-session.sql");
        if (Files.exists(script)) {
            return script;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(workload.psqlDir())) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        StringBuilder text = new StringBuilder(rows ? TABLES : "");
        for (int i = 1; i <= files.size(); i++) {
            text.append("BEGIN;\n\\i ").append(files.get(i - 1)).append('\n');
            if (rows) {
                String id = Workload.revisionId(i);
                text.append(i == 1 ? "INSERT INTO bench_version (version_num) VALUES ('" + id + "');\n"
                        : "UPDATE bench_version SET version_num = '" + id + "' WHERE version_num = '" + Workload.revisionId(i - 1) + "';\n");
                text.append(String.format(Locale.ROOT, "INSERT INTO bench_history (revision, direction, checksum, duration_ms, environment,"
                        + " tool_version, message) VALUES ('%s', 'upgrade', 'v2:%064x', (EXTRACT(EPOCH FROM clock_timestamp() - now())"
                        + " * 1000)::bigint, 'local', 'bench', 'create item %d');%n", id, i, i));
            }
            text.append("COMMIT;\n");
        }
        Files.writeString(script, text.toString(), StandardCharsets.UTF_8);
        return script;
    }
}
