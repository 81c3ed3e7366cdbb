package dev.migrate.maven;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PropertyCheckTest {
    @Test
    void readsOnlyThisPluginsOwnDescriptor() throws IOException {
        List<URL> descriptors = PropertyCheck.descriptors();
        assertEquals(1, descriptors.size(), descriptors.toString());
        URL own = PropertyCheck.class.getResource("PropertyCheck.class");
        String root = own.toString().substring(0, own.toString().length() - "dev/migrate/maven/PropertyCheck.class".length());
        assertEquals(root + "META-INF/maven/plugin.xml", descriptors.get(0).toString());
    }

    @Test
    void knowsTheGoalsPropertiesFromTheDescriptor() {
        Set<String> known = PropertyCheck.known();
        // goal parameters (only in plugin.xml) and connection settings (from the engine)
        assertTrue(known.contains("migrate.checkHeads"), known.toString());
        assertTrue(known.contains("migrate.keepRunning"), known.toString());
        assertTrue(known.contains("migrate.url"), known.toString());
        assertFalse(known.contains("migrate.checkhead"), known.toString());
    }
}
