package dev.migrate.engine.schema.jpa;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.classes.ProjectClassLoader;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.tool.schema.spi.DelayedDropRegistryNotAvailableImpl;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JPA entities as a desired schema: the {@code @Entity} classes of the given packages of the
 * project's classes, turned into PostgreSQL {@code CREATE} statements by Hibernate's own schema
 * generation ({@code jakarta.persistence.schema-generation.scripts.action=create} to a writer, the
 * PostgreSQL dialect, no database reached). The Java counterpart of SQLAlchemy's
 * {@code target_metadata}.
 *
 * <p>Only this class refers to Hibernate (an optional dependency of the engine), so nothing else
 * loads it. Goals run it through {@link EntitySchema}, which loads it again in one class loader with
 * the project's classes and the project's (or a resolved) Hibernate; with the tool's own Hibernate,
 * the project's classes must come from a loader opened with {@link #SHARED_PACKAGES}, so that their
 * annotations are the ones Hibernate reads.
 */
public final class EntityDdl {
    /** What the project loader must take from the tool: the JPA annotations and Hibernate's own. */
    public static final List<String> SHARED_PACKAGES = List.of("jakarta.persistence.", "org.hibernate.");

    private EntityDdl() {
    }

    /** A project class loader over {@code classPath} that shares {@link #SHARED_PACKAGES} with the tool. */
    public static ProjectClassLoader classLoader(List<java.nio.file.Path> classPath) {
        return ProjectClassLoader.open(classPath, SHARED_PACKAGES);
    }

    /**
     * The {@code CREATE} statements (tables, sequences, constraints, indexes; without trailing
     * semicolons) for the {@code @Entity} classes of {@code packages}, in Hibernate's order.
     *
     * @throws InvalidEntitiesException when a package has no entity, or Hibernate refuses the model
     */
    public static List<String> createStatements(ProjectClassLoader classes, List<String> packages) {
        return createStatements(classes.loader(), classes.classPath(), packages);
    }

    /**
     * As {@link #createStatements(ProjectClassLoader, List)}, for classes of {@code loader} whose
     * class path is {@code classPath}; plain Java types only, so that a class loader holding this
     * class with the project's own Hibernate ({@link EntitySchema}) can call it reflectively.
     */
    public static List<String> createStatements(ClassLoader loader, List<java.nio.file.Path> classPath,
                                                List<String> packages) {
        List<Class<?>> entities = new ArrayList<>();
        for (String pkg : packages) {
            int before = entities.size();
            for (String name : ProjectClassLoader.classNames(classPath, pkg.strip())) {
                Class<?> type;
                try {
                    type = Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new InvalidEntitiesException("Class " + name + " of entity package " + pkg + " cannot be "
                            + "loaded (" + e + "); is a dependency missing from the project?", e);
                }
                if (type.isAnnotationPresent(jakarta.persistence.Entity.class)
                        || type.isAnnotationPresent(jakarta.persistence.Embeddable.class)
                        || type.isAnnotationPresent(jakarta.persistence.MappedSuperclass.class)) {
                    entities.add(type);
                }
            }
            if (entities.size() == before) {
                throw new InvalidEntitiesException("No @Entity class in package " + pkg + " on the project's class path "
                        + classPath + ": compile the project first, or correct <entities>.", null);
            }
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        StandardServiceRegistry registry = null;
        try {
            registry = new StandardServiceRegistryBuilder()
                    .applySetting(AvailableSettings.DIALECT, "org.hibernate.dialect.PostgreSQLDialect")
                    .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                    .applySetting(AvailableSettings.CLASSLOADERS, List.of(loader))
                    .applySetting(AvailableSettings.FORMAT_SQL, "false")
                    .build();
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.buildMetadata();
            StringWriter out = new StringWriter();
            Map<String, Object> settings = new HashMap<>(registry.getService(
                    org.hibernate.engine.config.spi.ConfigurationService.class).getSettings());
            settings.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none");
            settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "create");
            settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET, out);
            settings.put(AvailableSettings.HBM2DDL_DELIMITER, ";");
            SchemaManagementToolCoordinator.process(metadata, registry, settings, DelayedDropRegistryNotAvailableImpl.INSTANCE);
            return statements(out.toString());
        } catch (RuntimeException e) {
            if (e instanceof MigrateException m) {
                throw m;
            }
            throw new InvalidEntitiesException("Hibernate cannot turn the entities of " + String.join(", ", packages)
                    + " into DDL: " + e.getMessage(), e);
        } finally {
            if (registry != null) {
                StandardServiceRegistryBuilder.destroy(registry);
            }
            thread.setContextClassLoader(previous);
        }
    }

    /** One statement per line as Hibernate writes them unformatted, each ending in the delimiter. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        for (String line : script.split("\\R")) {
            String s = line.strip();
            if (s.endsWith(";")) {
                s = s.substring(0, s.length() - 1).strip();
            }
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
