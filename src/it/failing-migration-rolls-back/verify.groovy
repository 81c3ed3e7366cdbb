def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.log.contains('Running upgrade  -> a1a1a1a1a1a1, create accounts')
// the error names the revision, its file, the line of the failing statement, the SQLSTATE and the statement
def error = db.log.substring(db.log.indexOf('BUILD FAILURE'))
assert error.contains('b2b2b2b2b2b2')
assert error.contains('b2b2b2b2b2b2_create_orders.sql')
assert error.contains('line 11')
assert error.contains('42P01')
assert error.contains('INSERT INTO order_totals (order_id, total)')
// failing SQL is the project's content: Maven's Help link names MojoFailureException
def help = db.lines.find { it.startsWith('[ERROR] [Help 1] ') }
assert help == '[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException'
// the failed revision is rolled back as a whole (its first statements too); the version stays at a1
assert db.versions() == ['a1a1a1a1a1a1']
assert db.tableExists('accounts')
assert !db.tableExists('orders')
assert !db.tableExists('orders_account_idx')
assert !db.tableExists('invoices')
assert db.rows("select revision, direction from migrate_history").collect { "${it.direction} ${it.revision}" as String } ==
        ['upgrade a1a1a1a1a1a1']
assert !db.log.contains('-> c3c3c3c3c3c3')
true
