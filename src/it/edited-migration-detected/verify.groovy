def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.runs.size() == 3
def (first, second, third) = db.runs
assert first.contains('Running upgrade  -> a1a1a1a1a1a1, create accounts')
assert first.contains('Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, create orders')
assert !first.contains('-> c3c3c3c3c3c3')

// the second run stops on the edited file before running anything, names it and says how to accept it
assert second.contains('BUILD FAILURE')
def error = second.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error != null
// (the scenario's own folder name must not count as the word)
error = error.replace(basedir.name, '<scenario>')
assert error.contains('b2b2b2b2b2b2')
assert error.contains('b2b2b2b2b2b2_create_orders.sql')
assert error.contains('edited')
assert error.contains('-Dmigrate.acceptChanged=b2b2b2b2b2b2')
assert !error.contains('a1a1a1a1a1a1')
assert !second.contains('Running upgrade')

// the third run, with the change accepted, applies c3 only
assert third.contains('BUILD SUCCESS')
assert third.contains('Running upgrade b2b2b2b2b2b2 -> c3c3c3c3c3c3, add order total')
assert !third.contains('-> b2b2b2b2b2b2')
assert db.versions() == ['c3c3c3c3c3c3']
assert db.value("select count(*) from migrate_history where direction = 'upgrade' and revision = 'b2b2b2b2b2b2'") == 1
assert db.value("select count(*) from migrate_history where direction = 'upgrade' and revision = 'c3c3c3c3c3c3'") == 1
// the edit itself was not applied: accepting a change does not re-run the revision
assert db.value("select count(*) from information_schema.columns where table_name = 'orders' and column_name = 'placed_at'") == 0
assert db.value("select count(*) from information_schema.columns where table_name = 'orders' and column_name = 'total'") == 1
true
