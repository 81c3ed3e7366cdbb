package dev.migrate.engine.classes;

import dev.migrate.engine.JavaMigration;
import dev.migrate.engine.Migration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The project's classes see the platform and the tool's API, nothing else of the tool; closing it releases them. */
class ProjectClassLoaderTest {
    @TempDir
    Path root;

    @Test
    void projectClassesSeeTheApiButNotTheToolsOtherClassesNorItsDependencies() throws Exception {
        Path classes = ProjectClasses.compile(root, Map.of("app.Probe", """
                package app;
                public class Probe {
                    public static String find(String name) {
                        try {
                            return Class.forName(name, false, Probe.class.getClassLoader()).getClassLoader() == null
                                    ? "platform" : "found";
                        } catch (ClassNotFoundException e) {
                            return "missing";
                        }
                    }
                }
                """));
        try (ProjectClassLoader loader = ProjectClassLoader.open(List.of(classes))) {
            Class<?> probe = loader.loader().loadClass("app.Probe");
            assertSame(loader.loader(), probe.getClassLoader());
            assertSame(JavaMigration.class, loader.loader().loadClass("dev.migrate.engine.JavaMigration"));
            assertSame(Migration.class, loader.loader().loadClass("dev.migrate.engine.Migration"));
            java.lang.reflect.Method find = probe.getMethod("find", String.class);
            assertEquals("found", find.invoke(null, "dev.migrate.engine.JavaMigration"));
            assertEquals("missing", find.invoke(null, "dev.migrate.engine.Migrate"));
            assertEquals("missing", find.invoke(null, "org.postgresql.Driver"));
            assertEquals("missing", find.invoke(null, "org.junit.jupiter.api.Test"));
            assertEquals("found", find.invoke(null, "java.sql.Connection"));
        }
        // the test's own loader sees the driver: the isolation is the project loader's doing
        assertNotSame(null, Class.forName("org.postgresql.Driver"));
    }

    @Test
    void aClosedLoaderLoadsNothingNew() throws IOException {
        Path classes = ProjectClasses.compile(root, Map.of("app.Late", "package app; public class Late {}"));
        ProjectClassLoader loader = ProjectClassLoader.open(List.of(classes));
        loader.close();
        assertThrows(ClassNotFoundException.class, () -> loader.loader().loadClass("app.Late"));
    }
}
