package dev.migrate.engine;

import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.database.MigrationListener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One case of the bad-input corpus: a folder holding {@code case.properties} (the expectation) and
 * the project files of the case ({@code versions/*.sql}, {@code environments/*.properties},
 * {@code .env}), copied into a fresh project folder for the run. The keys of
 * {@code case.properties} are described in the corpus README.
 */
record BadInputCase(String name, Path folder, Properties properties) {
    private static final int LARGE_FILE_BYTES = 50 * 1024 * 1024;

    static BadInputCase load(Path root, Path folder) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve("case.properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = root.relativize(folder).toString().replace('\\', '/');
        BadInputCase c = new BadInputCase(name, folder, p);
        if (c.error().isEmpty()) {
            throw new IllegalStateException(name + "/case.properties names no error");
        }
        return c;
    }

    String description() {
        return properties.getProperty("description", "");
    }

    String goal() {
        return properties.getProperty("goal", "upgrade");
    }

    /** The environment the run selects (default {@code local}). */
    String environment() {
        return properties.getProperty("env", "local");
    }

    /** A target the case's own project is first upgraded to, before the database is compared. */
    Optional<String> prepare() {
        return Optional.ofNullable(properties.getProperty("prepare")).filter(s -> !s.isBlank());
    }

    String target() {
        return properties.getProperty("target", "heads");
    }

    /** The simple name of the engine error class expected, or of one of its superclasses. */
    String error() {
        return properties.getProperty("error", "").strip();
    }

    /** Words the message must contain, separated by {@code |}. */
    List<String> contains() {
        return BadInputCorpusTest.split(properties.getProperty("contains"));
    }

    /** Whether the database first gets the good base revision (and the project its file). */
    boolean base() {
        return Boolean.parseBoolean(properties.getProperty("base", "true"));
    }

    boolean needsPasswordServer() {
        return "password".equals(properties.getProperty("server"));
    }

    /** SQL run as the administrator after the base revision, before the database is compared. */
    Optional<String> setupSql() {
        return Optional.ofNullable(properties.getProperty("setup.sql")).filter(s -> !s.isBlank());
    }

    /** A table another session holds in ACCESS EXCLUSIVE mode while the case runs. */
    Optional<String> lockedTable() {
        return Optional.ofNullable(properties.getProperty("lock.table")).filter(s -> !s.isBlank());
    }

    /** System properties for the run, from the keys {@code set.migrate.NAME}. */
    Map<String, String> settings() {
        Map<String, String> settings = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("set.")) {
                settings.put(key.substring(4), properties.getProperty(key));
            }
        }
        return settings;
    }

    /** System properties the run does without (e.g. {@code migrate.url}, to let the files give it). */
    List<String> unset() {
        return BadInputCorpusTest.split(properties.getProperty("unset"));
    }

    String substitute(String value, Map<String, String> placeholders) {
        String result = value;
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            result = result.replace(p.getKey(), p.getValue());
        }
        return result;
    }

    ProjectLayout layout(Path project) {
        String paths = properties.getProperty("versionPaths", "versions");
        return ProjectLayout.standard(project).withVersionPaths(
                Arrays.stream(paths.split(",")).map(String::strip).map(project::resolve).toList());
    }

    /** The case's files, the base revision's file (unless {@code base=false}), and generated files. */
    void copyInto(Path project, Path baseCase) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.getFileName().toString().equals("case.properties")) {
                    continue;
                }
                Path to = project.resolve(folder.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        Path versions = project.resolve("versions");
        if (base()) {
            Files.createDirectories(versions);
            try (Stream<Path> files = Files.list(baseCase.resolve("versions"))) {
                for (Path f : files.toList()) {
                    if (!Files.exists(versions.resolve(f.getFileName()))) {
                        Files.copy(f, versions.resolve(f.getFileName()));
                    }
                }
            }
        }
        String generate = properties.getProperty("generate", "");
        switch (generate) {
            case "" -> { }
            case "large-unterminated-string" -> large(versions.resolve("0002_large.sql"));
            case "broken-symlink" -> Files.createSymbolicLink(versions.resolve("0002_gone.sql"),
                    project.resolve("no-such-file.sql"));
            case "unreadable-file" -> {
                Path file = versions.resolve("0002_unreadable.sql");
                Files.writeString(file, "-- unreadable\n-- Revision ID: unreadable0002\n-- Revises: base0001\n\n"
                        + "-- migrate:upgrade\nSELECT 1;\n");
                file.toFile().setReadable(false);
            }
            case "versions-is-a-file" -> Files.writeString(project.resolve("versions-file"), "not a folder\n");
            default -> throw new IllegalStateException(name + ": unknown generate=" + generate);
        }
    }

    /** A 50 MB revision file whose upgrade opens a string that never closes. */
    private static void large(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("-- a very large revision\n-- Revision ID: large0002\n-- Revises: base0001\n\n"
                    + "-- migrate:upgrade\nINSERT INTO keep VALUES (2, '").getBytes(StandardCharsets.US_ASCII));
            for (int written = 0; written < LARGE_FILE_BYTES; written += chunk.length) {
                out.write(chunk);
            }
            out.write("\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Runs the case's goal the way the plugin's Mojo for it does. */
    void command(Migrate migrate) {
        String transaction = properties.getProperty("transaction");
        String acceptChanged = properties.getProperty("acceptChanged");
        String confirm = properties.getProperty("confirm");
        switch (goal()) {
            case "upgrade" -> migrate.upgrade(target(), RunOptions.of(transaction, acceptChanged, null));
            case "downgrade" -> migrate.downgrade(target(), RunOptions.of(transaction, null, confirm));
            case "stamp" -> migrate.stamp(Arrays.stream(target().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                    Boolean.parseBoolean(properties.getProperty("purge", "false")),
                    Optional.ofNullable(confirm).filter(s -> !s.isBlank()));
            case "upgrade-sql" -> migrate.upgradeSql(target(), RunOptions.of(transaction, null, null));
            case "downgrade-sql" -> migrate.downgradeSql(target(), RunOptions.of(transaction, null, null));
            case "current" -> migrate.current();
            case "history" -> migrate.history(properties.getProperty("range"));
            case "heads" -> migrate.heads();
            case "branches" -> migrate.branches();
            case "show" -> migrate.show(properties.getProperty("revision", "head"));
            default -> throw new IllegalStateException(name + ": unknown goal " + goal());
        }
    }
}
