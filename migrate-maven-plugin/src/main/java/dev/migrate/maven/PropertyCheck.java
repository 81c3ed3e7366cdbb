package dev.migrate.maven;

import dev.migrate.engine.config.PropertyNames;
import org.apache.maven.execution.MavenSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses a {@code migrate.*} property that no goal reads. The goals' properties are taken from
 * this plugin's own descriptor ({@code META-INF/maven/plugin.xml}, generated from the
 * {@code @Parameter(property = …)} annotations), so a new goal's properties are known without a list.
 */
final class PropertyCheck {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{(" + Pattern.quote(PropertyNames.PREFIX)
            + "[A-Za-z0-9_.]+)}");
    private static final String DESCRIPTOR = "META-INF/maven/plugin.xml";
    private static volatile Set<String> known;

    private PropertyCheck() {
    }

    /** Fails on the first unknown {@code migrate.*} among the session's user and system properties. */
    static void refuseUnknown(MavenSession session) {
        Map<String, String> properties = new HashMap<>();
        session.getSystemProperties().forEach((k, v) -> properties.put(k.toString(), String.valueOf(v)));
        session.getUserProperties().forEach((k, v) -> properties.put(k.toString(), String.valueOf(v)));
        PropertyNames.refuseUnknown(properties, known());
    }

    static Set<String> known() {
        Set<String> result = known;
        if (result == null) {
            result = PropertyNames.known(goalProperties());
            known = result;
        }
        return result;
    }

    /**
     * Every {@code ${migrate.NAME}} expression of this plugin's descriptor, read from this plugin's
     * own jar (or classes folder): asking the class realm for every {@code plugin.xml} would open
     * each jar of the plugin's dependencies on every goal.
     */
    private static Set<String> goalProperties() {
        Set<String> names = new TreeSet<>();
        try {
            for (URL descriptor : descriptors()) {
                String text;
                try (InputStream in = descriptor.openStream()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (!text.contains("<artifactId>migrate-maven-plugin</artifactId>")) {
                    continue;
                }
                Matcher m = EXPRESSION.matcher(text);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the plugin descriptor: " + e.getMessage(), e);
        }
        return names;
    }

    /** This plugin's descriptor beside this class; every descriptor of the class loader when that fails. */
    static List<URL> descriptors() throws IOException {
        URL self = PropertyCheck.class.getResource(PropertyCheck.class.getSimpleName() + ".class");
        String classPath = PropertyCheck.class.getName().replace('.', '/') + ".class";
        if (self != null && self.toString().endsWith(classPath)) {
            String root = self.toString().substring(0, self.toString().length() - classPath.length());
            URL own = new URL(root + DESCRIPTOR);
            try (InputStream probe = own.openStream()) {
                return List.of(own);
            } catch (IOException e) {
                // not packaged the usual way: ask the class loader
            }
        }
        return Collections.list(PropertyCheck.class.getClassLoader().getResources(DESCRIPTOR));
    }
}
