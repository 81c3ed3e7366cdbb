// Expected answers are Alembic 1.8.1's own for the same graph (alembic heads; alembic history):
// b2 ends its branch, and only c3 (another root) depends on it.
def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.output(1) as Set == ['c3c3c3c3c3c3 (head)', 'b2b2b2b2b2b2 (effective head)'] as Set
assert db.output(2) == ['<base> (b2b2b2b2b2b2) -> c3c3c3c3c3c3 (head), create audit log',
                        'a1a1a1a1a1a1 -> b2b2b2b2b2b2 (effective head), create users',
                        '<base> -> a1a1a1a1a1a1, create accounts']
true
