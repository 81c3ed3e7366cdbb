def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

// CREATE/DROP INDEX CONCURRENTLY cannot run inside a transaction block (SQLSTATE 25001): both
// directions succeeded, so the revision ran outside one, and the version table still followed
assert db.log.count('Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, index account names') == 2
assert db.log.count('Running downgrade b2b2b2b2b2b2 -> a1a1a1a1a1a1, index account names') == 1
assert !db.log.contains('25001')
assert db.versions() == ['b2b2b2b2b2b2']
assert db.value("select i.indisvalid and i.indisready from pg_index i where i.indexrelid = to_regclass('accounts_name_idx')") == true
assert db.rows("select direction from migrate_history where revision = 'b2b2b2b2b2b2' order by id").collect { it.direction } ==
        ['upgrade', 'downgrade', 'upgrade']
true
