package dev.migrate.engine.scripts;

import dev.migrate.engine.MigrateException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file or folder of the project could not be read or written (permissions, a full disk, a file
 * where a folder should be): an error of the environment, not of the file's content.
 */
public final class FileAccessException extends MigrateException {
    private final Path file;
    private final String action;

    /** @param action what was tried, e.g. {@code read revision file} */
    public FileAccessException(Path file, String action, IOException cause) {
        super(Kind.ENVIRONMENT, "Cannot " + action + " " + file + ": " + reason(cause)
                + ". Check that it exists and that this user may read and write it.", cause);
        this.file = file;
        this.action = action;
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + " (" + message + ")";
    }

    public Path file() {
        return file;
    }

    /** What was tried, e.g. {@code read revision file}. */
    public String action() {
        return action;
    }
}
