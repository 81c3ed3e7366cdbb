package app.migrations;

import dev.migrate.engine.Migration;

/** Annotated, but forgets to implement JavaMigration. */
@Migration(id = "b2b2b2b2b2b2", revises = "a1a1a1a1a1a1")
public class Backfill {
    public void upgrade(java.sql.Connection connection) {
    }
}
