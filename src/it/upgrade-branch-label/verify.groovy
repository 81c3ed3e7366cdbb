def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.log.contains('Running upgrade  -> a1a1a1a1a1a1, create accounts')
assert db.log.contains('Running upgrade a1a1a1a1a1a1 -> d4d4d4d4d4d4, create users')
assert db.log.contains('Running upgrade d4d4d4d4d4d4 -> e5e5e5e5e5e5, add user email')
assert !db.runs[0].contains('f6f6f6f6f6f6')
assert db.versions() == ['e5e5e5e5e5e5']
assert db.tableExists('users')
assert db.value("select count(*) from information_schema.columns where table_name = 'users' and column_name = 'email'") == 1
// the billing branch is untouched
assert !db.tableExists('invoices')
assert db.value("select count(*) from migrate_history where revision = 'f6f6f6f6f6f6'") == 0
assert db.value("select count(*) from migrate_history where direction = 'upgrade'") == 3

// inspection in Alembic's words (the order of sibling branches is not part of the contract)
assert db.output(2) == ['e5e5e5e5e5e5 (head)']
assert db.output(3) as Set == ['e5e5e5e5e5e5 (auth) (head)', 'f6f6f6f6f6f6 (billing) (head)'] as Set
def branches = db.output(4)
assert branches.size() == 3
assert branches[0] == 'a1a1a1a1a1a1 (branchpoint)'
assert branches.drop(1) as Set == ['             -> d4d4d4d4d4d4 (auth)', '             -> f6f6f6f6f6f6 (billing) (head)'] as Set
true
