def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def error = db.runs[0].readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error != null
assert error.contains('b2b2b2b2b2b2')
assert error.contains('b2b2b2b2b2b2_create_orders.sql')
assert error.contains('line 11')
assert error.contains('42P01')
// one transaction for the run: a1, which ran before the failure, is rolled back too
assert !db.tableExists('accounts')
assert !db.tableExists('orders')
assert !db.tableExists('invoices')
assert !db.tableExists('migrate_version') || db.versions() == []
assert !db.tableExists('migrate_history') || db.value('select count(*) from migrate_history') == 0
true
