package dev.migrate.engine.scripts;

import dev.migrate.engine.MigrateException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A revision file found in a version directory that cannot be read: a symbolic link to nothing, a
 * file the build may not read, or an I/O error. The message names the file and says why.
 */
public final class UnreadableRevisionFileException extends MigrateException {
    private final Path file;

    public UnreadableRevisionFileException(Path file, IOException cause) {
        super(Kind.ENVIRONMENT, "Cannot read revision file " + file + ": " + reason(file, cause), cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    private static String reason(Path file, IOException cause) {
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            String target;
            try {
                target = Files.readSymbolicLink(file).toString();
            } catch (IOException | UnsupportedOperationException e) {
                target = "a file that does not exist";
            }
            return "it is a symbolic link to " + target + ", which does not exist; restore that file or delete the link";
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied; let the build's user read it (chmod a+r) or move it out of the version directory";
        }
        if (cause instanceof NoSuchFileException) {
            return "it disappeared while the version directory was read; run again";
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return detail.replace('\n', ' ');
    }
}
