def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def run = db.runs[0]
assert run.contains('Verified a1a1a1a1a1a1 (create payments): upgrade, downgrade, upgrade')
def line = run.readLines().find { it.contains('Revision a1a1a1a1a1a1 (create payments): the head schema differs from the desired schema') }
assert line != null
assert line.contains("enum value 'refunded' of public.paymentstatus is missing from the head schema")
assert line.contains('index public.payments_external_id_key is missing from the head schema')
assert run.contains('verify found 1 problem')
assert run.contains('BUILD FAILURE')
assert !db.tableExists('payments')
true
