package dev.migrate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

final class Versions {
    private Versions() {
    }

    /** The version from a jar's {@code pom.properties}, or {@code ?}. */
    static String maven(String groupId, String artifactId) {
        String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = Versions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "?";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }
}
