package dev.migrate.engine;

import dev.migrate.engine.scripts.RevisionWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a new project's layout (SPEC §3) without overwriting anything: the environment profiles,
 * the versions folder, the revision template and the desired-schema folder; and a pom.xml when
 * the folder has none. Returns what it did so the caller can report it.
 */
public final class Scaffold {
    private static final String RESOURCES = "scaffold/";
    private static final List<String> ENVIRONMENTS = List.of("default", "local", "staging", "supabase");

    private Scaffold() {
    }

    /** What {@link #create} did. */
    public record Result(List<Path> created, List<Path> kept, boolean pomWritten, String pomSnippet) {
        public Result {
            created = List.copyOf(created);
            kept = List.copyOf(kept);
        }
    }

    public static Result create(Path baseDir) {
        List<Path> created = new ArrayList<>();
        List<Path> kept = new ArrayList<>();
        try {
            for (String env : ENVIRONMENTS) {
                String name = "environments/" + env + ".properties";
                writeIfAbsent(baseDir.resolve(name), resource(name), created, kept);
            }
            for (String dir : List.of("src/main/migrations/versions", "src/main/schema")) {
                Path path = baseDir.resolve(dir);
                if (Files.isDirectory(path)) {
                    kept.add(path);
                } else {
                    Files.createDirectories(path);
                    created.add(path);
                }
            }
            writeIfAbsent(baseDir.resolve("src/main/migrations/template.sql"), RevisionWriter.DEFAULT_TEMPLATE, created, kept);
            String snippet = resource("pom-snippet.xml").replace("${version}", Version.current());
            Path pom = baseDir.resolve("pom.xml");
            boolean pomWritten = !Files.exists(pom);
            if (pomWritten) {
                String artifactId = baseDir.toAbsolutePath().normalize().getFileName() == null
                        ? "migrations" : baseDir.toAbsolutePath().normalize().getFileName().toString();
                writeIfAbsent(pom, resource("pom.xml").replace("${artifactId}", artifactId).replace("${snippet}", snippet),
                        created, kept);
            }
            return new Result(created, kept, pomWritten, snippet);
        } catch (IOException e) {
            throw new dev.migrate.engine.scripts.FileAccessException(baseDir, "write the project layout under", e);
        }
    }

    private static void writeIfAbsent(Path file, String content, List<Path> created, List<Path> kept) throws IOException {
        if (Files.exists(file)) {
            kept.add(file);
            return;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        created.add(file);
    }

    private static String resource(String name) {
        try (InputStream in = Scaffold.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing scaffold resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
