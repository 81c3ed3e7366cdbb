package dev.migrate.maven;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.config.ProtectedEnvironmentException;
import dev.migrate.engine.scripts.FileAccessException;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Engine errors become Maven's by their kind, with the advice in Maven's words. */
class PluginMessagesTest {
    @Test
    void theUsersContentFailsTheBuild() {
        MigrateException e = new MigrateException("Revision a1 failed during upgrade");
        AbstractMojoExecutionException failure = PluginMessages.failure(e);
        assertInstanceOf(MojoFailureException.class, failure);
        assertEquals("Revision a1 failed during upgrade", failure.getMessage());
        assertSame(e, failure.getCause());
    }

    @Test
    void theEnvironmentIsAnErrorOfTheBuild() {
        FileAccessException e = new FileAccessException(Path.of("versions/a.sql"), "read revision file",
                new IOException("Permission denied"));
        AbstractMojoExecutionException failure = PluginMessages.failure(e);
        assertInstanceOf(MojoExecutionException.class, failure);
        assertEquals(e.getMessage(), failure.getMessage());
    }

    @Test
    void adviceNamesTheMavenProperty() {
        ProtectedEnvironmentException e = new ProtectedEnvironmentException("staging", "downgrade");
        AbstractMojoExecutionException failure = PluginMessages.failure(e);
        assertInstanceOf(MojoExecutionException.class, failure);
        assertEquals("Environment staging is protected: downgrade needs -Dmigrate.confirm=staging", failure.getMessage());
        assertNull(failure.getCause());
        assertSame(e, failure.getSuppressed()[0]);
        assertEquals("record it with mvn migrate:stamp", PluginMessages.text("record it with "
                + dev.migrate.engine.Advice.command("stamp")));
    }
}
