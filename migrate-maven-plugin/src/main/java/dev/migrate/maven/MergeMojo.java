package dev.migrate.maven;

import dev.migrate.engine.Migrate;
import dev.migrate.engine.RevisionRequest;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes a revision that merges several heads into one ({@code alembic merge}). */
@Mojo(name = "merge", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class MergeMojo extends AbstractMigrateMojo {
    /** Revisions to merge (comma-separated), or {@code heads}. */
    @Parameter(property = "migrate.revisions", defaultValue = "heads")
    private String revisions;

    @Parameter(property = "migrate.message", defaultValue = "merge heads")
    private String message;

    @Parameter(property = "migrate.branchLabel")
    private String branchLabel;

    @Parameter(property = "migrate.revId")
    private String revId;

    @Override
    protected void run(Migrate migrate) {
        written(migrate, "merge", migrate.merge(RevisionRequest.list(revisions), message, RevisionRequest.list(branchLabel), revId));
    }
}
