package dev.migrate.engine.database;

import static dev.migrate.engine.Advice.setting;

import java.util.List;

/** {@code -Dmigrate.acceptChanged} names revisions that no local file has. Nothing was run. */
public final class UnknownAcceptedRevisionException extends DatabaseException {
    private final List<String> revisions;

    UnknownAcceptedRevisionException(List<String> revisions, String advice) {
        super(setting("acceptChanged") + " names " + (revisions.size() == 1 ? "revision " : "revisions ")
                + String.join(", ", revisions) + ", which no revision file has" + advice
                + ". Give the full id of the edited revision, as the edited-files message lists it. Nothing was run.");
        this.revisions = List.copyOf(revisions);
    }

    public List<String> revisions() {
        return revisions;
    }
}
