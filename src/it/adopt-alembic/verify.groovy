def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

// `current` reads Alembic's version table: b2, not a head here
assert db.output(1) == ['b2b2b2b2b2b2']
// `upgrade` continues from it: only the third revision runs
assert db.log.contains('Running upgrade b2b2b2b2b2b2 -> c3c3c3c3c3c3, add order total')
assert !db.log.contains('Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2')
assert !db.log.contains('Running upgrade  -> a1a1a1a1a1a1')
assert db.versions('alembic_version') == ['c3c3c3c3c3c3']
assert !db.tableExists('migrate_version')
assert db.value("select count(*) from information_schema.columns where table_name = 'orders' and column_name = 'total'") == 1
assert db.rows("select revision, direction from migrate_history").collect { "${it.direction} ${it.revision}" as String } ==
        ['upgrade c3c3c3c3c3c3']
true
