def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def failure = db.log.substring(db.log.indexOf('BUILD FAILURE'))
def message = failure.readLines().find { it.contains('irreversible') }
assert message != null
assert message.contains('b2b2b2b2b2b2')
assert !db.log.contains('Running downgrade')
assert db.versions() == ['c3c3c3c3c3c3']
assert db.tableExists('orders')
assert db.value("select count(*) from migrate_history where direction = 'downgrade'") == 0
true
