package dev.migrate.engine.scripts;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.graph.DuplicateRevisionException;
import dev.migrate.engine.graph.Revision;
import dev.migrate.engine.graph.RevisionMap;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The revision files of one or more version directories: every {@code *.sql} file at any depth
 * (hidden files and folders, such as editor lock files, are skipped), in a fixed order: directory
 * by directory as given, then by path within each. Each file is read and hashed once, and not at all
 * when a {@link RevisionCache} already knows it; files are parsed in parallel. Immutable once loaded; the graph is built once, on first use.
 */
public final class ScriptDirectory {

    private final List<Path> versionDirs;
    private final List<RevisionScript> scripts;
    private final Map<String, RevisionScript> byId;
    private final Map<String, Path> relativePaths;
    private RevisionMap map;

    private ScriptDirectory(List<Path> versionDirs, List<RevisionScript> scripts, Map<String, Path> relativePaths) {
        this.versionDirs = List.copyOf(versionDirs);
        this.scripts = List.copyOf(scripts);
        Map<String, RevisionScript> index = new HashMap<>(scripts.size() * 2);
        for (RevisionScript script : scripts) {
            index.put(script.id(), script);
        }
        this.byId = Collections.unmodifiableMap(index);
        this.relativePaths = Collections.unmodifiableMap(relativePaths);
    }

    /** Loads the revision files under {@code versionDir}. */
    public static ScriptDirectory load(Path versionDir) {
        return load(List.of(versionDir));
    }

    /**
     * Loads the revision files under each of {@code versionDirs}.
     *
     * @throws VersionDirectoryNotFoundException if one of them is missing
     * @throws MalformedRevisionFileException    if exactly one file is malformed
     * @throws DuplicateRevisionException        if two files share an id (and nothing else is wrong)
     * @throws InvalidRevisionFilesException     listing every problem, when there are several
     */
    public static ScriptDirectory load(List<Path> versionDirs) {
        return load(versionDirs, null);
    }

    /**
     * Loads the revision files under each of {@code versionDirs}, taking from {@code cache} (when
     * not null) the header and checksum of every file whose size and modification time it recorded,
     * so that only new and changed files are read; the cache is then brought up to date.
     *
     * @throws VersionDirectoryNotFoundException if one of them is missing
     * @throws MalformedRevisionFileException    if exactly one file is malformed
     * @throws DuplicateRevisionException        if two files share an id (and nothing else is wrong)
     * @throws InvalidRevisionFilesException     listing every problem, when there are several
     */
    public static ScriptDirectory load(List<Path> versionDirs, RevisionCache cache) {
        List<Path> files = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Path> relatives = new ArrayList<>();
        List<BasicFileAttributes> attributes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path dir : versionDirs) {
            if (!Files.isDirectory(dir)) {
                throw new VersionDirectoryNotFoundException(dir, Files.exists(dir));
            }
            Path absolute = dir.toAbsolutePath().normalize();
            for (Found found : sqlFiles(dir)) {
                // a path found by walking is already normal: its absolute form needs no normalising
                String key = absolute.resolve(found.relative()).toString();
                if (seen.add(key)) {
                    files.add(dir.resolve(found.relative()));
                    keys.add(key);
                    relatives.add(found.relative());
                    attributes.add(found.attributes());
                }
            }
        }

        RevisionScript[] parsed = new RevisionScript[files.size()];
        MigrateException[] failed = new MigrateException[files.size()];
        List<Integer> toRead = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            BasicFileAttributes attrs = attributes.get(i);
            Optional<RevisionScript> cached = cache == null ? Optional.empty()
                    : cache.lookup(files.get(i), keys.get(i), attrs.size(), modifiedNanos(attrs));
            if (cached.isPresent()) {
                parsed[i] = cached.get();
            } else {
                toRead.add(i);
            }
        }
        toRead.parallelStream().forEach(i -> {
            try {
                parsed[i] = RevisionFileParser.parse(files.get(i));
            } catch (MalformedRevisionFileException | UnreadableRevisionFileException e) {
                failed[i] = e;
            }
        });
        if (cache != null) {
            for (int i : toRead) {
                if (parsed[i] != null) {
                    cache.record(parsed[i], keys.get(i), attributes.get(i).size(), modifiedNanos(attributes.get(i)));
                }
            }
            cache.save();
        }

        List<MigrateException> problems = new ArrayList<>();
        List<RevisionScript> scripts = new ArrayList<>(files.size());
        Map<String, Path> relativePaths = new LinkedHashMap<>(files.size() * 2);
        Map<String, Path> firstFile = new HashMap<>(files.size() * 2);
        for (int i = 0; i < parsed.length; i++) {
            if (failed[i] != null) {
                problems.add(failed[i]);
                continue;
            }
            RevisionScript script = parsed[i];
            Path first = firstFile.putIfAbsent(script.id(), script.file());
            if (first != null) {
                problems.add(new DuplicateRevisionException(script.id(), first.toString(), script.file().toString()));
                continue;
            }
            scripts.add(script);
            relativePaths.put(script.id(), relatives.get(i));
        }
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRevisionFilesException(problems);
        }
        return new ScriptDirectory(versionDirs, scripts, relativePaths);
    }

    /** A linked file's own size and time, so that an edit of the file behind the link is seen. */
    private static BasicFileAttributes target(Path link, BasicFileAttributes linkAttributes) {
        try {
            return Files.readAttributes(link, BasicFileAttributes.class);
        } catch (IOException e) {
            return linkAttributes; // a dangling link: reading it reports the problem
        }
    }

    private static long modifiedNanos(BasicFileAttributes attrs) {
        return attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    /** A revision file found under a version directory: its path relative to it, and its size and time. */
    private record Found(Path relative, BasicFileAttributes attributes) {
    }

    /** The {@code *.sql} files under {@code dir}, relative to it, sorted by their '/'-separated path. */
    private static List<Found> sqlFiles(Path dir) {
        List<Found> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return !d.equals(dir) && isHidden(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".sql") && !isHidden(file) && !attrs.isDirectory()) {
                        found.add(new Found(dir.relativize(file), attrs.isSymbolicLink() ? target(file, attrs) : attrs));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new FileAccessException(dir, "list version directory", e);
        }
        List<String> keys = new ArrayList<>(found.size());
        Map<String, Found> byKey = new HashMap<>(found.size() * 2);
        for (Found f : found) {
            Path p = f.relative();
            String key = p.toString().replace(p.getFileSystem().getSeparator(), "/");
            keys.add(key);
            byKey.put(key, f);
        }
        Collections.sort(keys);
        List<Found> sorted = new ArrayList<>(keys.size());
        for (String key : keys) {
            sorted.add(byKey.get(key));
        }
        return sorted;
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    /**
     * These revisions and {@code more} (revisions written in Java), in one graph; each of
     * {@code more} is named in graph errors by {@code names}' answer (its class name).
     *
     * @throws DuplicateRevisionException if one of {@code more} has the id of a file or of another
     */
    public ScriptDirectory with(List<RevisionScript> more, java.util.function.Function<RevisionScript, String> names) {
        if (more.isEmpty()) {
            return this;
        }
        List<RevisionScript> all = new ArrayList<>(scripts);
        Map<String, Path> paths = new LinkedHashMap<>(relativePaths);
        for (RevisionScript script : more) {
            RevisionScript first = byId.get(script.id());
            if (first == null) {
                first = all.stream().filter(s -> s.id().equals(script.id())).findFirst().orElse(null);
            }
            if (first != null) {
                throw new DuplicateRevisionException(script.id(), first.file().toString(), names.apply(script));
            }
            all.add(script);
            paths.put(script.id(), Path.of(names.apply(script)));
        }
        return new ScriptDirectory(versionDirs, all, paths);
    }

    /** The version directories, as given. */
    public List<Path> versionDirs() {
        return versionDirs;
    }

    /** Every revision, in load order (not graph order). */
    public List<RevisionScript> scripts() {
        return scripts;
    }

    /** The revision with exactly this id. */
    public Optional<RevisionScript> script(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The file of revision {@code id}, relative to the version directory it is in. */
    public Optional<Path> relativePath(String id) {
        return Optional.ofNullable(relativePaths.get(id));
    }

    /**
     * The revision graph of these files, built on the first call; graph errors name each revision's
     * file relative to its version directory.
     *
     * @throws dev.migrate.engine.graph.GraphException if the graph is invalid (a missing down
     *                                                 revision, a cycle, a branch label used twice...)
     */
    public synchronized RevisionMap map() {
        if (map == null) {
            List<Revision> revisions = new ArrayList<>(scripts.size());
            for (RevisionScript script : scripts) {
                revisions.add(script.revision());
            }
            map = RevisionMap.of(revisions, id -> {
                Path relative = relativePaths.get(id);
                return relative == null ? null : relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
            });
        }
        return map;
    }
}
