package dev.migrate.maven;

import dev.migrate.engine.Migrate;
import dev.migrate.engine.RevisionRequest;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes a new revision file on top of a head ({@code alembic revision}). */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class RevisionMojo extends AbstractMigrateMojo {
    /** Required; checked by the goal so that the message names {@code -Dmigrate.message}. */
    @Parameter(property = "migrate.message")
    private String message;

    /** The head to build on: {@code head}, a revision, {@code label@head}, or {@code base} for a new root. */
    @Parameter(property = "migrate.head", defaultValue = "head")
    private String head;

    @Parameter(property = "migrate.branchLabel")
    private String branchLabel;

    /** Revisions or labels the new revision depends on (comma-separated). */
    @Parameter(property = "migrate.dependsOn")
    private String dependsOn;

    /** Use this id instead of a generated one. */
    @Parameter(property = "migrate.revId")
    private String revId;

    /** Allow building on a revision that is not a head, starting a branch. */
    @Parameter(property = "migrate.splice", defaultValue = "false")
    private boolean splice;

    /** Folder for the new file (default: the first version path). */
    @Parameter(property = "migrate.versionPath")
    private String versionPath;

    /** Write the SQL that takes the head schema to the desired schema ({@code src/main/schema/*.sql} or {@code <entities>}) and back. */
    @Parameter(property = "migrate.autogenerate", defaultValue = "false")
    private boolean autogenerate;

    /** With autogenerate: write a revision even when no change is detected. */
    @Parameter(property = "migrate.allowEmpty", defaultValue = "false")
    private boolean allowEmpty;

    /** With autogenerate: new indexes on existing tables as {@code CREATE INDEX CONCURRENTLY}, in a {@code Transactional: false} revision. */
    @Parameter(property = "migrate.concurrentIndexes", defaultValue = "false")
    private boolean concurrentIndexes;

    @Override
    protected void run(Migrate migrate) {
        required(message, "revision", "migrate.message", "\"add users\"", "what the revision does");
        RevisionRequest request = new RevisionRequest(message, head, RevisionRequest.list(branchLabel),
                RevisionRequest.list(dependsOn), revId, splice, versionPath);
        if (autogenerate) {
            migrate.autogenerate(request, allowEmpty, concurrentIndexes).ifPresent(file -> written(migrate, "revision", file));
        } else {
            written(migrate, "revision", migrate.revision(request));
        }
    }
}
