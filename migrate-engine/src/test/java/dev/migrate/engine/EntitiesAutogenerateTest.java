package dev.migrate.engine;

import dev.migrate.engine.database.RunOptions;
import dev.migrate.engine.classes.ProjectClasses;
import dev.migrate.engine.schema.CheckReport;
import dev.migrate.engine.schema.DesiredSchemaException;
import dev.migrate.engine.testing.TestDatabase;
import dev.migrate.engine.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JPA entities as the desired schema, through the facade on a real PostgreSQL: the project's
 * compiled entities and the Hibernate of its class path, in a class loader of their own, become the
 * revision that autogenerate writes; upgraded, check passes. Goals that do not need the desired
 * schema never ask for the class path; a second desired schema, or no Hibernate, is refused.
 */
@ExtendWith(TestDatabaseExtension.class)
class EntitiesAutogenerateTest {
    @TempDir
    Path project;

    private Path entities() throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("shop.model.Customer", """
                package shop.model;
                import jakarta.persistence.*;
                @Entity
                @Table(name = "customers")
                public class Customer {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                    @Column(nullable = false, length = 120) String email;
                }
                """);
        sources.put("shop.model.Purchase", """
                package shop.model;
                import jakarta.persistence.*;
                @Entity
                @Table(name = "purchases")
                public class Purchase {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                    @Column(nullable = false) int cents;
                    @ManyToOne(optional = false) @JoinColumn(name = "customer_id") Customer customer;
                }
                """);
        return ProjectClasses.compile(project.resolve("target"), sources);
    }

    /** The project's classes, then the jars of the test class path (Hibernate and the JPA API among them). */
    private static List<Path> withJars(Path classes, boolean hibernate) {
        List<Path> entries = new ArrayList<>(List.of(classes));
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.endsWith(".jar") && (hibernate || e.contains("jakarta.persistence-api"))) {
                entries.add(Path.of(e));
            }
        }
        return entries;
    }

    @Test
    void entitiesBecomeTheRevisionAndCheckPassesAfterTheUpgrade(TestDatabase db) throws Exception {
        List<Path> classPath = withJars(entities(), true);
        List<String> lines = new ArrayList<>();
        Path file;
        try (Migrate migrate = open(db, lines).entities(List.of("shop.model"), () -> classPath)) {
            file = migrate.autogenerate(request("add shop"), false, false).orElseThrow();
        }
        assertTrue(lines.contains("Detected added table 'customers'"), lines::toString);
        assertTrue(lines.contains("Detected added table 'purchases'"), lines::toString);
        String text = Files.readString(file);
        assertTrue(text.contains("CREATE TABLE public.customers ("), text);
        assertTrue(text.contains("email character varying(120) NOT NULL"), text);
        assertTrue(text.contains("FOREIGN KEY (customer_id) REFERENCES public.customers(id)"), text);

        lines.clear();
        try (Migrate migrate = open(db, lines).entities(List.of("shop.model"), () -> classPath)) {
            migrate.upgrade("heads", RunOptions.DEFAULT);
            assertEquals(List.of("customers|email|character varying|NO", "customers|id|bigint|NO",
                            "purchases|cents|integer|NO", "purchases|customer_id|bigint|NO", "purchases|id|bigint|NO"),
                    db.query("SELECT table_name || '|' || column_name || '|' || data_type || '|' || is_nullable"
                            + " FROM information_schema.columns WHERE table_schema = 'public'"
                            + " AND table_name IN ('customers', 'purchases') ORDER BY 1"));
            CheckReport report = migrate.check(false);
            assertTrue(report.passed(), () -> String.join("\n", report.lines()));
            assertEquals(Optional.empty(), migrate.autogenerate(request("nothing"), false, false));
            assertTrue(lines.contains("No changes detected"), lines::toString);
        }
    }

    @Test
    void goalsWithoutTheDesiredSchemaNeverAskForTheEntities(TestDatabase db) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Supplier<List<Path>> classPath = () -> {
            asked.incrementAndGet();
            throw new AssertionError("the class path is resolved only for the desired schema");
        };
        revision("001_base", "CREATE TABLE t (id int);", "DROP TABLE t;");
        try (Migrate migrate = open(db, new ArrayList<>()).entities(List.of("shop.model"), classPath)) {
            migrate.heads();
            migrate.upgrade("heads", RunOptions.DEFAULT);
            migrate.current();
            migrate.history(null);
        }
        assertEquals(0, asked.get());
    }

    @Test
    void entitiesAndSchemaFilesTogetherAreRefused(TestDatabase db) throws Exception {
        Path schema = Files.createDirectories(project.resolve("src/main/schema"));
        Files.writeString(schema.resolve("01_t.sql"), "CREATE TABLE t (id int);");
        List<Path> classPath = withJars(entities(), true);
        try (Migrate migrate = open(db, new ArrayList<>()).entities(List.of("shop.model"), () -> classPath)) {
            DesiredSchemaException e = assertThrows(DesiredSchemaException.class,
                    () -> migrate.autogenerate(request("x"), false, false));
            assertTrue(e.getMessage().contains("Two desired schemas: <entities> (shop.model) and src/main/schema (1 file)"),
                    e.getMessage());
        }
    }

    @Test
    void withoutHibernateOnTheClassPathTheGoalSaysWhatToAdd(TestDatabase db) throws Exception {
        // the tool's own Hibernate (on this test's class path) is never used for the project's entities
        List<Path> classPath = withJars(entities(), false);
        try (Migrate migrate = open(db, new ArrayList<>()).entities(List.of("shop.model"), () -> classPath)) {
            MigrateException e = assertThrows(MigrateException.class, () -> migrate.autogenerate(request("x"), false, false));
            assertTrue(e.getMessage().contains("<entities> needs Hibernate") && e.getMessage().contains(
                    "org.hibernate.orm:hibernate-core"), e.getMessage());
        }
    }

    private void revision(String id, String upgrade, String downgrade) throws IOException {
        Path versions = Files.createDirectories(project.resolve("src/main/migrations/versions"));
        Files.writeString(versions.resolve(id + ".sql"), "-- " + id + "\n--\n-- Revision ID: " + id + "\n-- Revises: "
                + "\n\n-- migrate:upgrade\n" + upgrade + "\n\n-- migrate:downgrade\n" + downgrade + "\n");
    }

    private static RevisionRequest request(String message) {
        return new RevisionRequest(message, "head", List.of(), List.of(), null, false, null);
    }

    private Migrate open(TestDatabase db, List<String> lines) throws IOException {
        Files.createDirectories(project.resolve("src/main/migrations/versions"));
        Map<String, String> system = new HashMap<>();
        system.put("migrate.url", db.jdbcUrl());
        db.properties().stringPropertyNames().forEach(k -> system.put("migrate." + k, db.properties().getProperty(k)));
        EnvironmentRequest request = new EnvironmentRequest(project, Optional.of("local"), Map.of(), system,
                Map.of(), Optional.empty(), id -> Optional.empty());
        return Migrate.open(ProjectLayout.standard(project), request, lines::add);
    }
}
