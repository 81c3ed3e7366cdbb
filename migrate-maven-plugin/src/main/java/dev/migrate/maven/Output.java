package dev.migrate.maven;

import dev.migrate.engine.scripts.FileAccessException;
import org.apache.maven.plugin.logging.Log;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Where offline SQL goes: a file when {@code migrate.output} is set, else standard output. */
final class Output {
    private Output() {
    }

    static void write(String text, File output, Log log) {
        if (output == null) {
            System.out.print(PluginMessages.text(text));
            System.out.flush();
            return;
        }
        try {
            if (output.getParentFile() != null) {
                Files.createDirectories(output.getParentFile().toPath());
            }
            Files.writeString(output.toPath(), PluginMessages.text(text), StandardCharsets.UTF_8);
            log.info("Wrote " + output);
        } catch (IOException e) {
            throw new FileAccessException(output.toPath(), "write", e);
        }
    }
}
