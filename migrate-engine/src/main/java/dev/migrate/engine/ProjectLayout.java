package dev.migrate.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a project keeps its revisions (SPEC §3). {@code versionPaths} are searched at any depth;
 * new revisions go to the first one unless told otherwise.
 */
public record ProjectLayout(Path baseDirectory, List<Path> versionPaths, Path template, String fileTemplate) {
    public static final String DEFAULT_FILE_TEMPLATE = "{rev}_{slug}";

    public ProjectLayout {
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        versionPaths = List.copyOf(versionPaths);
        if (versionPaths.isEmpty()) {
            throw new IllegalArgumentException("at least one version path is needed");
        }
        fileTemplate = fileTemplate == null || fileTemplate.isBlank() ? DEFAULT_FILE_TEMPLATE : fileTemplate;
    }

    /** The standard layout under a project folder: {@code src/main/migrations/versions}. */
    public static ProjectLayout standard(Path baseDirectory) {
        Path migrations = baseDirectory.resolve("src/main/migrations");
        return new ProjectLayout(baseDirectory, List.of(migrations.resolve("versions")),
                migrations.resolve("template.sql"), DEFAULT_FILE_TEMPLATE);
    }

    public ProjectLayout withVersionPaths(List<Path> paths) {
        return paths.isEmpty() ? this : new ProjectLayout(baseDirectory, paths, template, fileTemplate);
    }

    public ProjectLayout withFileTemplate(String template) {
        return new ProjectLayout(baseDirectory, versionPaths, this.template, template);
    }
}
