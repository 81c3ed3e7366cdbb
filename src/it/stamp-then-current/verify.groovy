def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.log.contains('Running stamp_revision  -> b2b2b2b2b2b2')
assert !db.log.contains('Running upgrade')
assert db.versions() == ['b2b2b2b2b2b2']
// no SQL of any revision ran
assert !db.tableExists('accounts')
assert !db.tableExists('orders')
assert db.rows("select revision, direction from migrate_history").collect { "${it.direction} ${it.revision}" as String } ==
        ['stamp b2b2b2b2b2b2']
// `current` shows the stamped revision; it is not a head of the graph
assert db.output(2) == ['b2b2b2b2b2b2']
true
