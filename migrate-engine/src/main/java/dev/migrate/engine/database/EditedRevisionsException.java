package dev.migrate.engine.database;

import static dev.migrate.engine.Advice.setting;

import java.util.List;
import java.util.stream.Collectors;

/** Applied revisions were edited after they were applied; nothing was run. */
public final class EditedRevisionsException extends DatabaseException {
    private final List<EditedRevision> revisions;

    EditedRevisionsException(List<EditedRevision> revisions) {
        super("Revision files were edited after they were applied: "
                + revisions.stream().map(r -> r.revision() + " (" + r.file() + ")").collect(Collectors.joining(", "))
                + ". Nothing was run. Revert the edits and put the change in a new revision, or accept them with "
                + setting("acceptChanged=" + revisions.stream().map(EditedRevision::revision).collect(Collectors.joining(","))));
        this.revisions = List.copyOf(revisions);
    }

    public List<EditedRevision> revisions() {
        return revisions;
    }
}
