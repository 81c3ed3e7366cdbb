def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.log.contains('Invalid Java migration class app.migrations.Backfill: is annotated @Migration but does not '
        + "implement dev.migrate.engine.JavaMigration; add 'implements JavaMigration'. Nothing was run.")
assert db.log.contains('BUILD FAILURE')
// the graph is refused before anything connects: not even the version table exists
assert !db.tableExists('migrate_version')
assert !db.tableExists('users')
true
