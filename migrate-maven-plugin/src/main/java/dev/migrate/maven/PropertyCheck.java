package dev.migrate.maven;

import dev.migrate.engine.config.PropertyNames;
import org.apache.maven.execution.MavenSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
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

    /** Every {@code ${migrate.NAME}} expression of this plugin's descriptor. */
    private static Set<String> goalProperties() {
        Set<String> names = new TreeSet<>();
        try {
            Enumeration<URL> descriptors = PropertyCheck.class.getClassLoader().getResources("META-INF/maven/plugin.xml");
            while (descriptors.hasMoreElements()) {
                String text;
                try (InputStream in = descriptors.nextElement().openStream()) {
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
}
