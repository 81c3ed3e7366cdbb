package dev.migrate.maven;

import dev.migrate.engine.Migrate;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Sets the version table to the target revisions without running any migration. */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StampMojo extends AbstractScriptMojo {
    /** One or more targets, comma-separated. */
    /** Required; checked by the goal so that the message names {@code -Dmigrate.target}. */
    @Parameter(property = "migrate.target")
    private String target;

    /** Replace every row of the version table instead of moving the current heads. */
    @Parameter(property = "migrate.purge", defaultValue = "false")
    private boolean purge;

    @Parameter(property = "migrate.confirm")
    private String confirm;

    @Override
    protected void run(Migrate migrate) {
        required(target, "stamp", "migrate.target", "head", "the revisions to record: head, heads, base, a revision id");
        List<String> targets = Arrays.stream(target.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (offline()) {
            emit(migrate.stampSql(targets, purge));
        } else {
            reportRun(migrate.stamp(targets, purge, Optional.ofNullable(confirm).filter(c -> !c.isBlank())));
        }
    }
}
