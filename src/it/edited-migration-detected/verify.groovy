def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def failure = db.log.indexOf('BUILD FAILURE')
assert failure > 0
def first = db.log.substring(0, failure)
def rest = db.log.substring(failure)
assert first.contains('Running upgrade  -> a1a1a1a1a1a1, create accounts')
assert first.contains('Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, create orders')
assert !first.contains('-> c3c3c3c3c3c3')

// the second run stops on the edited file, names it and says how to accept it
def error = rest.substring(0, rest.indexOf('BUILD SUCCESS') < 0 ? rest.length() : rest.indexOf('BUILD SUCCESS'))
assert error.contains('b2b2b2b2b2b2')
assert error.contains('edited')
assert error.contains('-Dmigrate.acceptChanged=')
assert !error.contains('Running upgrade')

// the third run, with the change accepted, applies c3 only
assert rest.contains('Running upgrade b2b2b2b2b2b2 -> c3c3c3c3c3c3, add order total')
assert !rest.contains('-> b2b2b2b2b2b2')
assert db.versions() == ['c3c3c3c3c3c3']
assert db.value("select count(*) from migrate_history where direction = 'upgrade' and revision = 'b2b2b2b2b2b2'") == 1
assert db.value("select count(*) from migrate_history where direction = 'upgrade' and revision = 'c3c3c3c3c3c3'") == 1
// the edit itself was not applied: accepting a change does not re-run the revision
assert db.value("select count(*) from information_schema.columns where table_name = 'orders' and column_name = 'placed_at'") == 0
assert db.value("select count(*) from information_schema.columns where table_name = 'orders' and column_name = 'total'") == 1
true
