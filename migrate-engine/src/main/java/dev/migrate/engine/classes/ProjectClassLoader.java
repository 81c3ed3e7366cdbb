package dev.migrate.engine.classes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The project's compiled classes and its dependencies, in a class loader of their own: its parent
 * is the Java platform, and of the tool only its public API for project code
 * ({@link dev.migrate.engine.JavaMigration}, {@link dev.migrate.engine.Migration}) shows through,
 * so the project's classes never meet the tool's own dependencies (its JDBC driver, its embedded
 * server, the build tool's) and bring their own versions of anything. Closed when the goal ends,
 * which releases the jar files it opened.
 */
public final class ProjectClassLoader implements AutoCloseable {
    /** The tool's classes a project may see: exactly the API its Java migrations implement. */
    static final Set<String> SHARED = Set.of("dev.migrate.engine.JavaMigration", "dev.migrate.engine.Migration");

    private final List<Path> classPath;
    private final Loader loader;

    private ProjectClassLoader(List<Path> classPath, Loader loader) {
        this.classPath = classPath;
        this.loader = loader;
    }

    /**
     * A loader over {@code classPath}: class folders (the project's output directory first) and jar
     * files, as the build tool resolved them. Entries that do not exist are kept (a folder not
     * compiled yet has nothing to find).
     */
    public static ProjectClassLoader open(List<Path> classPath) {
        List<Path> entries = List.copyOf(classPath);
        List<URL> urls = new ArrayList<>(entries.size());
        for (Path entry : entries) {
            try {
                urls.add(entry.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("Class path entry " + entry + " cannot be a URL: " + e.getMessage(), e);
            }
        }
        return new ProjectClassLoader(entries, new Loader(urls.toArray(URL[]::new)));
    }

    /** The class path, as given. */
    public List<Path> classPath() {
        return classPath;
    }

    /** The class loader itself, e.g. to load a class by name or to make it a thread's context loader. */
    public ClassLoader loader() {
        return loader;
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the project's class path: " + e.getMessage(), e);
        }
    }

    /** Platform first, then the tool's API, then the project's entries. */
    private static final class Loader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        private static final ClassLoader TOOL = ProjectClassLoader.class.getClassLoader();

        Loader(URL[] urls) {
            super("migrate-project", urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (SHARED.contains(name)) {
                return TOOL.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
