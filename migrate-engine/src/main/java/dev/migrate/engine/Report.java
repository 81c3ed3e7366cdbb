package dev.migrate.engine;

import java.util.List;

/** A command's answer, printable as Alembic-style lines or as JSON for pipelines. */
public interface Report {
    List<String> lines(boolean verbose);

    String toJson();
}
