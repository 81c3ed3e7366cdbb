package dev.migrate.engine.database;

import dev.migrate.engine.graph.Step;

import java.time.Duration;

/** A step that ran, and how long it took. */
public record AppliedStep(Step step, Duration duration) {
}
