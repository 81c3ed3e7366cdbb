def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.log.contains('Running upgrade  -> a1a1a1a1a1a1, create accounts')
assert db.log.contains('Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, create orders')
assert db.log.contains('Running upgrade b2b2b2b2b2b2 -> c3c3c3c3c3c3, add order total')
assert db.log.contains("Environment local: postgresql://postgres@")
assert db.versions() == ['c3c3c3c3c3c3']
assert db.value("select count(*) from migrate_history where direction = 'upgrade'") == 3
assert db.value("select count(*) from information_schema.columns where table_name = 'orders' and column_name = 'total'") == 1
// `current` names the head revision and marks it
assert db.log =~ /c3c3c3c3c3c3 \(head\)/
true
