package dev.migrate.engine.classes;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles Java sources at test time into a class folder, as a project's build would, against the
 * tool's API on the test class path: what the project class loader then reads.
 */
public final class ProjectClasses {
    private ProjectClasses() {
    }

    /**
     * Writes {@code sources} (binary class name to source text) under {@code root/src}, compiles them
     * into {@code root/classes} and returns that folder.
     */
    public static Path compile(Path root, Map<String, String> sources) throws IOException {
        Path src = root.resolve("src");
        Path classes = root.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17",
                "-cp", System.getProperty("java.class.path")));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = compiler.run(null, null, errors, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("test sources do not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }
}
