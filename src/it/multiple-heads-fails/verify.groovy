def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.log.contains('Multiple heads')
assert db.log.contains('b2b2b2b2b2b2')
assert db.log.contains('c3c3c3c3c3c3')
assert !db.log.contains('Running upgrade')
// nothing applied, not even the common base
assert !db.tableExists('accounts')
assert !db.tableExists('orders')
assert !db.tableExists('invoices')
assert !db.tableExists('migrate_version') || db.versions() == []
assert !db.tableExists('migrate_history') || db.value('select count(*) from migrate_history') == 0
true
