package dev.migrate.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * The answer of {@code revision} and {@code merge}: the file written, its revision and parents.
 * Its components are its JSON fields.
 */
public record WrittenRevision(String command, String path, String revision, List<String> downRevisions,
                              List<String> branchLabels, List<String> dependsOn, String message) implements Report {
    public WrittenRevision {
        downRevisions = List.copyOf(downRevisions);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }

    public Path file() {
        return Path.of(path);
    }

    @Override
    public List<String> lines(boolean verbose) {
        return List.of(path);
    }

    @Override
    public String toJson() {
        return Json.write(this);
    }
}
