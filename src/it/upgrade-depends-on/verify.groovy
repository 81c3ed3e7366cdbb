// Expected answers are Alembic's own for the same graph (alembic upgrade billing@head; current; upgrade heads).
def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def first = db.runs[0]
def steps = ['Running upgrade  -> a1a1a1a1a1a1, create accounts',
             'Running upgrade a1a1a1a1a1a1 -> d4d4d4d4d4d4, create users',
             'Running upgrade a1a1a1a1a1a1 -> f6f6f6f6f6f6, create invoices']
def at = steps.collect { first.indexOf(it) }
assert at.every { it >= 0 } : "missing: ${steps.findAll { first.indexOf(it) < 0 }}"
assert at == at.sort(false)
assert !first.contains('e5e5e5e5e5e5')

// `current` lists the dependency too
assert db.output(2) as Set == ['f6f6f6f6f6f6 (head)', 'd4d4d4d4d4d4'] as Set

// upgrading to heads afterwards completes the auth branch
assert db.runs[2].contains('Running upgrade d4d4d4d4d4d4 -> e5e5e5e5e5e5, add user email')
assert db.runs[2].count('Running upgrade') == 1
assert db.versions() == ['e5e5e5e5e5e5', 'f6f6f6f6f6f6']
assert db.tableExists('invoices')
assert db.rows("select revision from migrate_history where direction = 'upgrade' order by id").collect { it.revision } ==
        ['a1a1a1a1a1a1', 'd4d4d4d4d4d4', 'f6f6f6f6f6f6', 'e5e5e5e5e5e5']
true
