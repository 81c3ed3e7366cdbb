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
        String version = PROPERTIES.getProperty("hibernate", "");
        if (version.isBlank() || version.startsWith("$")) {
            throw new MigrateException("This build of the tool does not record its Hibernate version (version.properties):"
                    + " add org.hibernate.orm:hibernate-core to the project's dependencies for <entities>.");
        }
        return version;
    }

    /** The version of zonky's PostgreSQL binaries the tool is built with ({@code postgres-binaries.version}). */
    public static String postgresBinaries() {
        String version = PROPERTIES.getProperty("postgresBinaries", "");
        if (version.isBlank() || version.startsWith("$")) {
            throw new MigrateException("This build of the tool does not record the version of its embedded PostgreSQL"
                    + " binaries (version.properties): set a url for the environment.");
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
