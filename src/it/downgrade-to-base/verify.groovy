def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def down = ['Running downgrade c3c3c3c3c3c3 -> b2b2b2b2b2b2, add order total',
            'Running downgrade b2b2b2b2b2b2 -> a1a1a1a1a1a1, create orders',
            'Running downgrade a1a1a1a1a1a1 -> , create accounts']
def positions = down.collect { db.log.indexOf(it) }
assert positions.every { it >= 0 } : "missing downgrade lines: ${down.findAll { db.log.indexOf(it) < 0 }}"
assert positions == positions.sort(false) : 'downgrades must run newest first'
// the version table stays, empty: the database is at base
assert db.tableExists('migrate_version')
assert db.versions() == []
assert !db.tableExists('accounts')
assert !db.tableExists('orders')
assert db.value("select count(*) from migrate_history where direction = 'downgrade'") == 3
assert db.value("select count(*) from migrate_history where direction = 'upgrade'") == 3
// `current` at base prints no revision
assert !db.lines.any { it ==~ /(a1a1a1a1a1a1|b2b2b2b2b2b2|c3c3c3c3c3c3)( \(head\))?/ }
true
