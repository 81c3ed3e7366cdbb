def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.runs[1].contains('The database is not at all heads: it is at a1a1a1a1a1a1, the heads are b2b2b2b2b2b2. Run mvn migrate:upgrade')
assert db.runs[1].contains('BUILD FAILURE')
assert db.runs[3].contains('Database is at all heads: b2b2b2b2b2b2.')
assert db.runs[3].contains('BUILD SUCCESS')
assert db.versions() == ['b2b2b2b2b2b2']
true
