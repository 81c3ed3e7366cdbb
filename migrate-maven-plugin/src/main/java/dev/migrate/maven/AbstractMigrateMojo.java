package dev.migrate.maven;

import dev.migrate.engine.Migrate;
import dev.migrate.engine.MigrateException;
import dev.migrate.engine.ProjectLayout;
import dev.migrate.engine.Report;
import dev.migrate.engine.Version;
import dev.migrate.engine.config.ConfigException;
import dev.migrate.engine.config.Credentials;
import dev.migrate.engine.config.MissingPropertyException;
import dev.migrate.engine.EnvironmentRequest;
import dev.migrate.engine.embedded.Binaries;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every goal shares: {@code migrate.skip}, choosing the environment, gathering the settings
 * layers for the engine, and turning engine errors into build failures. Connection settings are
 * deliberately not Mojo parameters bound to {@code -D} properties (Maven's {@code -X} prints those);
 * the engine reads them from the layers itself.
 */
abstract class AbstractMigrateMojo extends AbstractMojo {
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${basedir}", readonly = true, required = true)
    protected File basedir;

    @Component
    private SettingsDecrypter decrypter;

    /** Skips every goal. */
    @Parameter(property = "migrate.skip", defaultValue = "false")
    private boolean skip;

    /** Environment name; also taken from a requested {@code -Penv=NAME}. Default {@code local}. */
    @Parameter(property = "migrate.env")
    private String env;

    /** {@code text} or {@code json} (inspection goals print JSON on standard output). */
    @Parameter(property = "migrate.format", defaultValue = "text")
    protected String format;

    /** Folders holding revision files, searched at any depth. */
    @Parameter
    private List<File> versionPaths;

    /** File name template for new revisions, e.g. {@code {year}{month}{day}_{rev}_{slug}}. */
    @Parameter(property = "migrate.fileTemplate")
    private String fileTemplate;

    /** Id of a settings.xml {@code <server>} holding the database user and password. */
    @Parameter(property = "migrate.serverId")
    private String serverId;

    /** Lowest settings layer: the POM's own connection settings (url, user, schema, ...). */
    @Parameter
    private Map<String, String> settings;

    /**
     * File for the goal's machine output instead of standard output (which Maven shares with its
     * own, colour codes included): the offline script of upgrade, downgrade and stamp (and then
     * nothing connects), the text or JSON of the inspection goals.
     */
    @Parameter(property = "migrate.output")
    protected File output;

    /**
     * Packages of the project's compiled classes (and dependencies) holding revisions written in
     * Java ({@code dev.migrate.engine.JavaMigration}); comma-separated with {@code -D}.
     */
    @Parameter(property = "migrate.javaMigrations")
    private List<String> javaMigrations;

    /**
     * Packages of the project's compiled classes (and dependencies) whose JPA {@code @Entity}
     * classes are the desired schema (autogenerate, check, verify), through Hibernate's DDL;
     * comma-separated with {@code -D}. Hibernate is the project's own {@code hibernate-core} when
     * it has one, else the version the plugin is built for, resolved then.
     */
    @Parameter(property = "migrate.entities")
    private List<String> entities;

    @Component
    private RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    /** Leave the embedded PostgreSQL running after the goal, for psql; the next goal using it stops it. */
    @Parameter(property = "migrate.keepRunning", defaultValue = "false")
    private boolean keepRunning;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        try {
            PropertyCheck.refuseUnknown(session);
        } catch (MigrateException e) {
            throw failure(e);
        }
        if (skip) {
            getLog().info("Skipping migrate (migrate.skip=true)");
            return;
        }
        try (Migrate migrate = Migrate.open(layout(), environment(), new MavenListener(getLog()))) {
            migrate.embeddedBinaries(this::resolvePostgresBinaries);
            if (javaMigrations != null && !javaMigrations.isEmpty()) {
                migrate.javaMigrations(projectClassPath(), javaMigrations);
            }
            if (entities != null && entities.stream().anyMatch(e -> !e.isBlank())) {
                migrate.entities(entities, this::entitiesClassPath);
            }
            run(migrate.keepRunning(keepRunning));
        } catch (MigrateException e) {
            throw failure(e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The engine's error by its kind: the user's content fails the build, the environment is an error of it. */
    private static MojoExecutionException failure(MigrateException e) throws MojoFailureException {
        return PluginMessages.raise(e);
    }

    /** The goal's one engine call. */
    protected abstract void run(Migrate migrate);

    /** Prints a report as text lines, or JSON with {@code migrate.format=json}; to {@code migrate.output} when set. */
    protected void report(Report report, boolean verbose) {
        boolean json = "json".equalsIgnoreCase(format);
        if (output != null) {
            Output.write(json ? report.toJson() + System.lineSeparator()
                    : String.join(System.lineSeparator(), report.lines(verbose)) + System.lineSeparator(), output, getLog());
        } else if (json) {
            System.out.println(PluginMessages.text(report.toJson()));
        } else {
            report.lines(verbose).forEach(line -> getLog().info(PluginMessages.text(line)));
        }
    }

    /** Prints the file {@code revision} or {@code merge} wrote as JSON with {@code migrate.format=json}. */
    protected void written(Migrate migrate, String command, Path file) {
        if ("json".equalsIgnoreCase(format) || output != null) {
            report(migrate.writtenReport(command, file), false);
        }
    }

    /** {@code value}, or a failure naming {@code -Dproperty} with an example when it is missing. */
    protected static String required(String value, String goal, String property, String example, String meaning) {
        if (value == null || value.isBlank()) {
            throw new MissingPropertyException(goal, property, example, meaning);
        }
        return value;
    }

    private ProjectLayout layout() {
        Path base = basedir.toPath();
        ProjectLayout layout = ProjectLayout.standard(base)
                .withVersionPaths(versionPaths == null ? List.of() : versionPaths.stream().map(File::toPath).toList());
        return fileTemplate == null ? layout : layout.withFileTemplate(fileTemplate);
    }

    /** The project's output directory and runtime dependencies, as the goal resolved them. */
    private List<Path> projectClassPath() throws MojoExecutionException {
        if (project == null || project.getFile() == null) {
            throw new MojoExecutionException("<javaMigrations> needs a project: run the goal in a Maven project folder.");
        }
        try {
            return project.getRuntimeClasspathElements().stream().map(Path::of).toList();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The project's runtime class path is not resolved: " + e.getMessage(), e);
        }
    }

    /**
     * What {@code <entities>} are read with: the project's output directory and its compile,
     * provided and runtime dependencies, then, when none of them is {@code hibernate-core},
     * Hibernate and its dependencies resolved from the project's repositories. Asked for only
     * when a goal needs the desired schema.
     */
    private List<Path> entitiesClassPath() {
        if (project == null || project.getFile() == null) {
            throw new MigrateException("<entities> needs a project: run the goal in a Maven project folder.");
        }
        java.util.LinkedHashSet<Path> entries = new java.util.LinkedHashSet<>();
        try {
            project.getCompileClasspathElements().forEach(e -> entries.add(Path.of(e)));
            project.getRuntimeClasspathElements().forEach(e -> entries.add(Path.of(e)));
        } catch (DependencyResolutionRequiredException e) {
            throw new MigrateException("The project's class path is not resolved: " + e.getMessage(), e);
        }
        boolean ownHibernate = project.getArtifacts().stream().anyMatch(a -> HIBERNATE_GROUP.equals(a.getGroupId())
                && "hibernate-core".equals(a.getArtifactId()));
        if (!ownHibernate) {
            entries.addAll(resolveHibernate());
        }
        return List.copyOf(entries);
    }

    private static final String HIBERNATE_GROUP = "org.hibernate.orm";

    /** hibernate-core of the version the engine is built for, with its runtime dependencies. */
    private List<Path> resolveHibernate() {
        String coordinates = HIBERNATE_GROUP + ":hibernate-core:" + Version.hibernate();
        long start = System.nanoTime();
        CollectRequest collect = new CollectRequest(new Dependency(new DefaultArtifact(coordinates), "runtime"),
                project.getRemoteProjectRepositories());
        List<ArtifactResult> results;
        try {
            results = repositorySystem.resolveDependencies(session.getRepositorySession(),
                    new DependencyRequest(collect, null)).getArtifactResults();
        } catch (DependencyResolutionException e) {
            throw new MigrateException("<entities> needs Hibernate, which the project's dependencies do not hold, and "
                    + coordinates + " cannot be resolved (" + e.getMessage() + "). Add org.hibernate.orm:hibernate-core"
                    + " to the project's dependencies (scope provided is enough), or make the repository reachable.", e);
        }
        List<Path> jars = results.stream().map(r -> r.getArtifact().getFile().toPath()).toList();
        getLog().info("Hibernate " + Version.hibernate() + " for <entities> (the project has no hibernate-core): "
                + jars.size() + " jars resolved in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return jars;
    }

    /**
     * zonky's PostgreSQL binaries for this platform, resolved only when an embedded server is about
     * to start: the plugin does not carry them, so that no other goal pays for their 15 MB.
     */
    private Path resolvePostgresBinaries() {
        String coordinates = Binaries.coordinates();
        try {
            return repositorySystem.resolveArtifact(session.getRepositorySession(),
                    new ArtifactRequest(new DefaultArtifact(coordinates), project.getRemoteProjectRepositories(), null))
                    .getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new MigrateException("The embedded PostgreSQL needs " + coordinates + ", which cannot be resolved ("
                    + e.getMessage() + "). Make the repository reachable (or run once online), or set a url for the "
                    + "environment.", e);
        }
    }

    private EnvironmentRequest environment() throws MojoExecutionException {
        Map<String, String> system = new HashMap<>();
        session.getSystemProperties().forEach((k, v) -> system.put(k.toString(), v.toString()));
        session.getUserProperties().forEach((k, v) -> system.put(k.toString(), v.toString()));
        Optional<Credentials> configured = serverId == null || serverId.isBlank() ? Optional.empty() : Optional.of(server(serverId));
        return new EnvironmentRequest(basedir.toPath(), Optional.ofNullable(environmentName()),
                settings == null ? Map.of() : settings, system, System.getenv(), configured, this::lookupServer);
    }

    /** {@code migrate.env}, else {@code env=NAME} among the requested profiles, declared or not. */
    private String environmentName() {
        if (env != null && !env.isBlank()) {
            return env;
        }
        return session.getRequest().getActiveProfiles().stream()
                .filter(p -> p.startsWith("env="))
                .map(p -> p.substring("env=".length()))
                .findFirst().orElse(null);
    }

    private Optional<Credentials> lookupServer(String id) {
        try {
            return Optional.of(server(id));
        } catch (MojoExecutionException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** The user and (decrypted) password of a settings.xml {@code <server>}. */
    private Credentials server(String id) throws MojoExecutionException {
        Server server = session.getSettings().getServer(id);
        if (server == null) {
            throw new MojoExecutionException("No <server> with id '" + id
                    + "' in settings.xml: add one with <username> and <password>, or remove serverId.");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MojoExecutionException("Cannot decrypt the password of settings.xml server '" + id
                        + "': " + problem.getMessage() + ". Check ~/.m2/settings-security.xml.");
            }
        }
        Server decrypted = result.getServer();
        return new Credentials(Optional.ofNullable(decrypted.getUsername()), Optional.ofNullable(decrypted.getPassword()));
    }
}
