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
        return open(classPath, List.of());
    }

    /**
     * A loader over {@code classPath} that also takes the classes whose names start with one of
     * {@code sharedPrefixes} (e.g. {@code jakarta.persistence.}) from the tool when the tool has them,
     * so that a library of the tool (Hibernate) and the project's classes agree on them (an
     * {@code @Entity} is the same annotation for both); otherwise from the project.
     */
    public static ProjectClassLoader open(List<Path> classPath, List<String> sharedPrefixes) {
        List<Path> entries = List.copyOf(classPath);
        List<URL> urls = new ArrayList<>(entries.size());
        for (Path entry : entries) {
            try {
                urls.add(entry.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("Class path entry " + entry + " cannot be a URL: " + e.getMessage(), e);
            }
        }
        return new ProjectClassLoader(entries, new Loader(urls.toArray(URL[]::new), List.copyOf(sharedPrefixes)));
    }

    /** The class path, as given. */
    public List<Path> classPath() {
        return classPath;
    }

    /**
     * The binary names of the classes in {@code pkg} and its sub-packages on the class path,
     * sorted; nested classes included. The first entry holding a class wins.
     */
    public List<String> classNames(String pkg) {
        return classNames(classPath, pkg);
    }

    /** The binary names of the classes in {@code pkg} and its sub-packages on {@code classPath}, sorted, without loading any. */
    public static List<String> classNames(List<Path> classPath, String pkg) {
        java.util.Map<String, JavaMigrations.ClassFile> found = new java.util.TreeMap<>();
        for (Path entry : classPath) {
            JavaMigrations.collect(entry, pkg, found);
        }
        return List.copyOf(found.keySet());
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

        private final List<String> sharedPrefixes;

        Loader(URL[] urls, List<String> sharedPrefixes) {
            super("migrate-project", urls, ClassLoader.getPlatformClassLoader());
            this.sharedPrefixes = sharedPrefixes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (SHARED.contains(name)) {
                return TOOL.loadClass(name);
            }
            for (String prefix : sharedPrefixes) {
                if (name.startsWith(prefix)) {
                    try {
                        return TOOL.loadClass(name);
                    } catch (ClassNotFoundException e) {
                        break; // the tool does not have it: the project's own copy, if any
                    }
                }
            }
            return super.loadClass(name, resolve);
        }
    }
}
