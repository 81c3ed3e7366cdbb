package dev.migrate.engine;

import dev.migrate.engine.config.EnvironmentResolver;
import dev.migrate.engine.scripts.NewRevision;
import dev.migrate.engine.scripts.RevisionWriter;
import dev.migrate.engine.scripts.ScriptDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaffoldTest {
    @TempDir
    Path dir;

    @Test
    void writesTheLayoutAndAPomIntoAnEmptyFolder() throws IOException {
        Scaffold.Result result = Scaffold.create(dir);

        assertTrue(result.pomWritten());
        for (String file : List.of("pom.xml", "environments/default.properties", "environments/local.properties",
                "environments/staging.properties", "environments/supabase.properties", "src/main/migrations/template.sql")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        assertTrue(Files.isDirectory(dir.resolve("src/main/migrations/versions")));
        assertTrue(Files.isDirectory(dir.resolve("src/main/schema")));
        String pom = Files.readString(dir.resolve("pom.xml"));
        assertTrue(pom.contains("<id>env=staging</id>"), pom);
        assertTrue(pom.contains("<version>" + Version.current() + "</version>"), pom);
        assertEquals(List.of("local", "staging", "supabase"), EnvironmentResolver.forProject(dir).knownEnvironments());
    }

    @Test
    void neverOverwritesAndOnlyPrintsThePomSnippetWhenThereIsAPom() throws IOException {
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Files.createDirectories(dir.resolve("environments"));
        Files.writeString(dir.resolve("environments/local.properties"), "url=postgresql://me@db/app\n");

        Scaffold.Result result = Scaffold.create(dir);

        assertFalse(result.pomWritten());
        assertEquals("<project/>", Files.readString(dir.resolve("pom.xml")));
        assertEquals("url=postgresql://me@db/app\n", Files.readString(dir.resolve("environments/local.properties")));
        assertTrue(result.kept().contains(dir.resolve("environments/local.properties")));
        assertTrue(result.pomSnippet().contains("<artifactId>migrate-maven-plugin</artifactId>"));
        assertTrue(Scaffold.create(dir).created().isEmpty(), "a second init creates nothing");
    }

    @Test
    void theScaffoldedTemplateWritesRevisionsThatParseBack() {
        Scaffold.create(dir);
        ProjectLayout layout = ProjectLayout.standard(dir);
        RevisionWriter.of(layout.fileTemplate(), layout.template())
                .write(NewRevision.of("ab12cd34ef56", "create users", List.of(), LocalDateTime.of(2026, 11, 22, 9, 0)),
                        layout.versionPaths().get(0));

        ScriptDirectory scripts = ScriptDirectory.load(layout.versionPaths());

        assertEquals("create users", scripts.script("ab12cd34ef56").orElseThrow().message());
    }
}
