def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.log.contains('Running upgrade  -> a1a1a1a1a1a1, create accounts')
assert db.log.contains('Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, create orders')
assert db.log.contains('Running upgrade a1a1a1a1a1a1 -> c3c3c3c3c3c3, create invoices')
assert db.log.indexOf('-> a1a1a1a1a1a1') < db.log.indexOf('-> b2b2b2b2b2b2')
assert db.log.indexOf('-> a1a1a1a1a1a1') < db.log.indexOf('-> c3c3c3c3c3c3')
// one row per head in the version table, as Alembic keeps it
assert db.versions() == ['b2b2b2b2b2b2', 'c3c3c3c3c3c3']
assert db.tableExists('orders')
assert db.tableExists('invoices')
assert db.value("select count(*) from migrate_history where direction = 'upgrade'") == 3
// `current` prints one line per head
assert db.output(2) as Set == ['b2b2b2b2b2b2 (head)', 'c3c3c3c3c3c3 (head)'] as Set
true
