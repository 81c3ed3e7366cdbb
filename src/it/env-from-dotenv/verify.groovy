def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.log =~ /Environment local: postgresql:\/\/postgres@127\.0\.0\.1:\d+\/it_env_from_dotenv \(schema public\)/
assert !db.log.contains('local_does_not_exist')
assert db.log.contains('Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, create orders')
assert db.versions() == ['b2b2b2b2b2b2']
true
