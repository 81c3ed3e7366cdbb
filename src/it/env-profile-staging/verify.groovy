def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.log =~ /Environment staging: postgresql:\/\/postgres@127\.0\.0\.1:\d+\/${db.name} \(schema public\)/
assert !db.log.contains('Environment local')
assert !db.log.contains('local_does_not_exist')
assert db.log.contains('Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, create orders')
assert db.versions() == ['b2b2b2b2b2b2']
assert db.rows('select distinct environment from migrate_history').collect { it.environment } == ['staging']
assert db.output(2) == ['b2b2b2b2b2b2 (head)']
true
