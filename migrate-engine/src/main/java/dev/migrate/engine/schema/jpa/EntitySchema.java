package dev.migrate.engine.schema.jpa;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.schema.DesiredSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The desired schema of {@code <entities>} (SPEC §8): the {@code @Entity} classes of the given
 * packages turned into DDL by Hibernate, when a goal first asks for the statements.
 *
 * <p>Hibernate is whatever the class path holds: the project's own copy (the usual JPA project), or
 * the one the build tool resolved for it. The project's classes, Hibernate and {@link EntityDdl}
 * itself are loaded in one class loader of their own, whose parent is the Java platform and which
 * takes only the rest of the tool ({@code dev.migrate.engine.*}) from the tool; it is closed as soon
 * as the statements are written, which releases every jar it opened. Nothing here refers to
 * Hibernate, so goals that do not need the desired schema never load it.
 */
public final class EntitySchema implements DesiredSchema {
    private static final String OWN_PACKAGE = EntitySchema.class.getPackageName() + ".";
    private static final String GENERATOR = "dev.migrate.engine.schema.jpa.EntityDdl";

    private final List<String> packages;
    private final Supplier<List<Path>> classPath;
    private List<DdlStatement> statements;

    /**
     * @param packages  packages holding the {@code @Entity} classes
     * @param classPath the project's compiled classes and dependencies, Hibernate among them; asked
     *                  for only when the statements are needed (finding Hibernate may mean resolving it)
     */
    public EntitySchema(List<String> packages, Supplier<List<Path>> classPath) {
        this.packages = packages.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        if (this.packages.isEmpty()) {
            throw new IllegalArgumentException("no entity package");
        }
        this.classPath = classPath;
    }

    public List<String> packages() {
        return packages;
    }

    @Override
    public String description() {
        return "the JPA entities of " + String.join(", ", packages);
    }

    @Override
    public synchronized List<DdlStatement> statements() {
        if (statements == null) {
            statements = DesiredSchema.ofStatements(description(), generate(classPath.get())).statements();
        }
        return statements;
    }

    /** Hibernate's {@code CREATE} statements for the entities on {@code entries}, in a loader closed afterwards. */
    @SuppressWarnings("unchecked")
    List<String> generate(List<Path> entries) {
        try (Loader loader = new Loader(entries)) {
            try {
                loader.loadClass("org.hibernate.boot.MetadataSources");
            } catch (ClassNotFoundException | LinkageError e) {
                throw new InvalidEntitiesException("<entities> needs Hibernate, and neither the project's dependencies"
                        + " nor the tool provide it: add org.hibernate.orm:hibernate-core to the project's dependencies"
                        + " (scope provided is enough).", e);
            }
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            // Hibernate's start-up notes (version, "database info" of a database it never reaches) are
            // not the goal's output: through java.util.logging, only its errors are shown
            java.util.logging.Logger hibernateLog = java.util.logging.Logger.getLogger("org.hibernate");
            java.util.logging.Level level = hibernateLog.getLevel();
            hibernateLog.setLevel(java.util.logging.Level.SEVERE);
            try {
                Class<?> generator = Class.forName(GENERATOR, true, loader);
                Object out = generator.getMethod("createStatements", ClassLoader.class, List.class, List.class)
                        .invoke(null, loader, entries, packages);
                return List.copyOf((List<String>) out);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof MigrateException m) {
                    throw m;
                }
                throw new InvalidEntitiesException("Hibernate cannot turn the entities of " + String.join(", ", packages)
                        + " into DDL: " + cause + (cause instanceof LinkageError
                        ? " (the project's Hibernate is older than the Hibernate 7 the tool is built for: use"
                        + " hibernate-core 7 in the project)" : ""), cause);
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new InvalidEntitiesException("The project's Hibernate cannot be used to generate DDL (" + e
                        + "): use hibernate-core 7 in the project.", e);
            } finally {
                hibernateLog.setLevel(level);
                thread.setContextClassLoader(previous);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the entities' class path: " + e.getMessage(), e);
        }
    }

    /** Platform first; the tool's own classes from the tool, except this package's; then the class path. */
    static final class Loader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        private static final ClassLoader TOOL = EntitySchema.class.getClassLoader();

        Loader(List<Path> entries) {
            super("migrate-entities", urls(entries), ClassLoader.getPlatformClassLoader());
        }

        private static URL[] urls(List<Path> entries) {
            List<URL> urls = new ArrayList<>(entries.size());
            for (Path entry : entries) {
                try {
                    urls.add(entry.toAbsolutePath().toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("Class path entry " + entry + " cannot be a URL: " + e.getMessage(), e);
                }
            }
            return urls.toArray(URL[]::new);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(OWN_PACKAGE)) {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    if (loaded == null) {
                        loaded = defineFromTool(name);
                    }
                    return loaded;
                }
            }
            if (name.startsWith("dev.migrate.engine.")) {
                return TOOL.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }

        /** This package's classes (the generator) again, here, so that they link to this loader's Hibernate. */
        private Class<?> defineFromTool(String name) throws ClassNotFoundException {
            String resource = name.replace('.', '/') + ".class";
            try (InputStream in = TOOL.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
