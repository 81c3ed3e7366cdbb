def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.log =~ /Running upgrade b2b2b2b2b2b2 -> c3c3c3c3c3c3, add order total \(\d+ ms\)/
// every goal names its environment exactly once
assert db.runs.size() == 4
db.runs.each { assert it.count('Environment local: postgresql://postgres@127.0.0.1:') == 1 }
assert db.log =~ /Running downgrade c3c3c3c3c3c3 -> b2b2b2b2b2b2, add order total \(\d+ ms\)/
assert !db.log.contains('Running downgrade b2b2b2b2b2b2')
assert db.versions() == ['b2b2b2b2b2b2']
assert db.value("select count(*) from information_schema.columns where table_name = 'orders' and column_name = 'total'") == 0
assert db.tableExists('orders')
assert db.rows("select revision, direction from migrate_history order by id").collect { "${it.direction} ${it.revision}" as String } ==
        ['upgrade a1a1a1a1a1a1', 'upgrade b2b2b2b2b2b2', 'upgrade c3c3c3c3c3c3', 'downgrade c3c3c3c3c3c3']

// `current`: b2 is no longer a head of the graph, so it is shown without "(head)"
assert db.output(3) == ['b2b2b2b2b2b2']

// `history`, newest first, in Alembic's form
assert db.output(4) == ['b2b2b2b2b2b2 -> c3c3c3c3c3c3 (head), add order total',
                   'a1a1a1a1a1a1 -> b2b2b2b2b2b2 (current), create orders',
                   '<base> -> a1a1a1a1a1a1, create accounts']
true
