package dev.migrate.engine.database;

import dev.migrate.engine.scripts.RevisionScript;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A downgrade plan goes through revisions whose downgrade section is missing or empty; nothing was
 * run. The message says which of the two each one is.
 */
public final class IrreversibleRevisionException extends DatabaseException {
    private final List<String> revisions;

    IrreversibleRevisionException(List<RevisionScript> scripts) {
        super((scripts.size() == 1 ? "Revision " : "Revisions ") + scripts.stream()
                .map(s -> s.id() + " (" + s.file() + ")").collect(Collectors.joining(", "))
                + (scripts.size() == 1 ? " is" : " are") + " irreversible (" + scripts.stream()
                .map(s -> (scripts.size() == 1 ? "" : s.id() + ": ") + s.irreversibleReason())
                .collect(Collectors.joining("; ")) + "): the downgrade cannot pass through "
                + (scripts.size() == 1 ? "it" : "them") + ". Nothing was run. Choose a target above "
                + (scripts.size() == 1 ? "it" : "them") + ", write the downgrade SQL, or, when there is truly "
                + "nothing to undo, put a line '-- migrate:nothing-to-undo' in the downgrade section.");
        this.revisions = scripts.stream().map(RevisionScript::id).toList();
    }

    public List<String> revisions() {
        return revisions;
    }
}
