def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.log.contains('Running upgrade  -> a1a1a1a1a1a1, create accounts')
assert db.log.contains('Running upgrade a1a1a1a1a1a1 -> d4d4d4d4d4d4, create users')
assert db.log.contains('Running upgrade d4d4d4d4d4d4 -> e5e5e5e5e5e5, add user email')
assert !db.log.contains('f6f6f6f6f6f6')
assert db.versions() == ['e5e5e5e5e5e5']
assert db.tableExists('users')
assert db.value("select count(*) from information_schema.columns where table_name = 'users' and column_name = 'email'") == 1
// the billing branch is untouched
assert !db.tableExists('invoices')
assert db.value("select count(*) from migrate_history where revision = 'f6f6f6f6f6f6'") == 0
assert db.value("select count(*) from migrate_history where direction = 'upgrade'") == 3
true
