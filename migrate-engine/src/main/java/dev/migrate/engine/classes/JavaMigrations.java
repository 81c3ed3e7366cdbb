package dev.migrate.engine.classes;

import dev.migrate.engine.Advice;
import dev.migrate.engine.JavaMigration;
import dev.migrate.engine.Migration;
import dev.migrate.engine.graph.Direction;
import dev.migrate.engine.graph.InvalidRevisionIdException;
import dev.migrate.engine.graph.Revision;
import dev.migrate.engine.scripts.JavaStep;
import dev.migrate.engine.scripts.RevisionScript;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the revisions written in Java: the classes of the configured packages (and their
 * sub-packages) on the project's class path that implement {@link JavaMigration}, each with its
 * {@link Migration} header. Each becomes a {@link RevisionScript} without statements, whose
 * checksum is the SHA-256 of its class bytes (its own class file and those of its nested classes,
 * so an edit that changes the compiled code is seen as an edit, as for a SQL file).
 *
 * <p>Classes are loaded without being initialised; other classes in the packages (helpers) are
 * left alone. Every problem is collected and reported at once, before anything runs.
 */
public final class JavaMigrations {
    private static final Pattern PACKAGE = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
            + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    private JavaMigrations() {
    }

    /** Where the bytes of one class file are: a file in a class folder, or an entry of a jar. */
    record ClassFile(Path path, Path jar, String entry) {
        byte[] read() {
            try {
                if (jar == null) {
                    return Files.readAllBytes(path);
                }
                try (ZipFile zip = new ZipFile(jar.toFile()); InputStream in = zip.getInputStream(zip.getEntry(entry))) {
                    return in.readAllBytes();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read class file " + path + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The Java revisions of {@code packages} on {@code classes}' class path, sorted by class name.
     *
     * @throws InvalidJavaMigrationException listing every class (or package) that is wrong
     */
    public static List<RevisionScript> find(ProjectClassLoader classes, List<String> packages) {
        List<InvalidJavaMigrationException.Finding> problems = new ArrayList<>();
        Map<String, ClassFile> files = new TreeMap<>();
        for (String pkg : new LinkedHashSet<>(packages)) {
            String name = pkg.strip();
            if (!PACKAGE.matcher(name).matches()) {
                problems.add(new InvalidJavaMigrationException.Finding("package '" + name + "'",
                        "not a Java package name; list packages such as com.example.migrations in <javaMigrations>"));
                continue;
            }
            int before = files.size();
            for (Path entry : classes.classPath()) {
                collect(entry, name, files);
            }
            if (files.size() == before) {
                problems.add(new InvalidJavaMigrationException.Finding("package " + name,
                        "no class found in it on the project's class path (" + describe(classes.classPath())
                                + "); compile the project first (before " + Advice.command("upgrade") + "), or correct "
                                + "<javaMigrations>"));
            }
        }
        List<RevisionScript> scripts = new ArrayList<>();
        for (Map.Entry<String, ClassFile> e : files.entrySet()) {
            String className = e.getKey();
            Class<?> type;
            try {
                type = Class.forName(className, false, classes.loader());
            } catch (ClassNotFoundException | LinkageError ex) {
                if (className.contains("$")) {
                    continue; // a nested class of a helper that cannot be loaded alone is no concern of ours
                }
                problems.add(new InvalidJavaMigrationException.Finding("class " + className, "cannot be loaded ("
                        + ex + "); is a dependency missing from the project?"));
                continue;
            }
            RevisionScript script = revision(type, e.getValue(), files, problems);
            if (script != null) {
                scripts.add(script);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidJavaMigrationException(problems);
        }
        return scripts;
    }

    private static RevisionScript revision(Class<?> type, ClassFile file, Map<String, ClassFile> files,
                                           List<InvalidJavaMigrationException.Finding> problems) {
        String name = "class " + type.getName();
        Migration header = type.getAnnotation(Migration.class);
        boolean implementation = JavaMigration.class.isAssignableFrom(type);
        boolean concrete = !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
        if (header == null) {
            if (implementation && concrete) {
                problems.add(new InvalidJavaMigrationException.Finding(name, "implements JavaMigration but has no "
                        + "@Migration annotation; add @Migration(id = \"...\", revises = \"...\") to give it its "
                        + "place in the graph"));
            }
            return null;
        }
        if (!implementation) {
            problems.add(new InvalidJavaMigrationException.Finding(name, "is annotated @Migration but does not "
                    + "implement dev.migrate.engine.JavaMigration; add 'implements JavaMigration'"));
            return null;
        }
        if (!concrete) {
            problems.add(new InvalidJavaMigrationException.Finding(name, "is annotated @Migration but is abstract; "
                    + "annotate the concrete class"));
            return null;
        }
        int before = problems.size();
        if (!Modifier.isPublic(type.getModifiers()) || type.getEnclosingClass() != null
                && !Modifier.isStatic(type.getModifiers())) {
            problems.add(new InvalidJavaMigrationException.Finding(name, "must be a public top-level or public static "
                    + "nested class, so that it can be instantiated"));
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            if (!Modifier.isPublic(constructor.getModifiers())) {
                throw new NoSuchMethodException();
            }
        } catch (NoSuchMethodException e) {
            problems.add(new InvalidJavaMigrationException.Finding(name, "has no public no-argument constructor; add "
                    + "'public " + type.getSimpleName() + "() {}'"));
        }
        Revision revision = null;
        try {
            revision = new Revision(header.id(), check("revises", header.revises(), name, problems),
                    check("dependsOn", header.dependsOn(), name, problems),
                    Set.copyOf(check("branchLabels", header.branchLabels(), name, problems)));
        } catch (InvalidRevisionIdException e) {
            problems.add(new InvalidJavaMigrationException.Finding(name, "@Migration(id = \"" + header.id()
                    + "\") is not a valid revision id; use letters, digits and '_' only, e.g. a 12-digit hex id"));
        }
        if (problems.size() > before || revision == null) {
            return null;
        }
        String message = header.message().isBlank() ? type.getSimpleName() : header.message().strip();
        @SuppressWarnings("unchecked")
        Class<? extends JavaMigration> migration = (Class<? extends JavaMigration>) type;
        return RevisionScript.ofJava(revision, message, file.path(), header.transactional(), checksum(type.getName(), files),
                new ClassStep(migration));
    }

    private static List<String> check(String attribute, String[] values, String name,
                                      List<InvalidJavaMigrationException.Finding> problems) {
        List<String> out = new ArrayList<>(values.length);
        for (String value : values) {
            String v = value.strip();
            if (!Revision.isValidId(v)) {
                problems.add(new InvalidJavaMigrationException.Finding(name, "@Migration(" + attribute + " = \"" + value
                        + "\") is not a valid revision id or label; use letters, digits and '_' only"));
            } else {
                out.add(v);
            }
        }
        return out;
    }

    /** {@code v2:} and the SHA-256 of the class's file and its nested classes' files, name by name. */
    static String checksum(String className, Map<String, ClassFile> files) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (Map.Entry<String, ClassFile> e : files.entrySet()) {
            if (e.getKey().equals(className) || e.getKey().startsWith(className + "$")) {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(e.getValue().read());
            }
        }
        return "v2:" + HexFormat.of().formatHex(digest.digest());
    }

    /** The class files of {@code pkg} and its sub-packages in one class path entry; the first entry holding a class wins. */
    static void collect(Path entry, String pkg, Map<String, ClassFile> files) {
        String folder = pkg.replace('.', '/');
        if (Files.isDirectory(entry)) {
            Path dir = entry.resolve(folder);
            if (!Files.isDirectory(dir)) {
                return;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.getFileName().toString().endsWith(".class") && Files.isRegularFile(p)).forEach(p -> {
                    String relative = entry.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                    files.putIfAbsent(binaryName(relative), new ClassFile(p, null, null));
                });
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
            }
        } else if (Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".jar")) {
            try (ZipFile zip = new ZipFile(entry.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry z = entries.nextElement();
                    String n = z.getName();
                    if (!z.isDirectory() && n.startsWith(folder + "/") && n.endsWith(".class")) {
                        files.putIfAbsent(binaryName(n), new ClassFile(Path.of(entry + "!/" + n), entry, n));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + entry + ": " + e.getMessage(), e);
            }
        }
    }

    private static String binaryName(String relative) {
        return relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
    }

    private static String describe(List<Path> classPath) {
        List<String> shown = classPath.stream().limit(3).map(Path::toString).toList();
        return classPath.isEmpty() ? "empty" : String.join(", ", shown) + (classPath.size() > 3 ? ", ..." : "");
    }

    /** Runs a {@link JavaMigration} class: a new instance per run, the project's loader as the thread's context loader. */
    private static final class ClassStep implements JavaStep {
        private final Class<? extends JavaMigration> type;
        private final boolean reversible;

        ClassStep(Class<? extends JavaMigration> type) {
            this.type = type;
            boolean overrides;
            try {
                overrides = type.getMethod("downgrade", Connection.class).getDeclaringClass() != JavaMigration.class;
            } catch (NoSuchMethodException e) {
                overrides = false;
            }
            this.reversible = overrides;
        }

        @Override
        public String className() {
            return type.getName();
        }

        @Override
        public boolean reversible() {
            return reversible;
        }

        @Override
        public void run(Direction direction, Connection connection) throws Exception {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(type.getClassLoader());
            try {
                JavaMigration migration;
                try {
                    migration = type.getConstructor().newInstance();
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
                if (direction == Direction.UPGRADE) {
                    migration.upgrade(connection);
                } else {
                    migration.downgrade(connection);
                }
            } finally {
                thread.setContextClassLoader(previous);
            }
        }

        @Override
        public String toString() {
            return type.getName();
        }
    }
}
