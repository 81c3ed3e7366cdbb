package dev.migrate.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The tool's own version, as recorded in the history table. */
public final class Version {
    private static final Properties PROPERTIES = load();
    private static final String CURRENT = PROPERTIES.getProperty("version", "dev");

    private Version() {
    }

    public static String current() {
        return CURRENT;
    }

    /**
     * The Hibernate version the tool is built for ({@code hibernate.version} of the build): the one
     * {@code <entities>} use when a project has none.
     */
    public static String hibernate() {
        return recorded("hibernate", "its Hibernate version",
                "add org.hibernate.orm:hibernate-core to the project's dependencies for <entities>");
    }

    /** The version of zonky's PostgreSQL binaries the tool is built with ({@code postgres-binaries.version}). */
    public static String postgresBinaries() {
        return recorded("postgresBinaries", "the version of its embedded PostgreSQL binaries", "set a url for the environment");
    }

    private static String recorded(String key, String what, String instead) {
        String version = PROPERTIES.getProperty(key, "");
        if (version.isBlank() || version.startsWith("$")) {
            throw new MigrateException("This build of the tool does not record " + what + " (version.properties): "
                    + instead + ".");
        }
        return version;
    }

    private static Properties load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
