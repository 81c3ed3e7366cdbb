def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def enumValue = "Revision b2b2b2b2b2b2 (archive reports): downgrade does not restore the schema: enum value 'archived' of public.reportstatus cannot be removed in place, so the downgrade leaves it behind"
def irreversible = "Revision c3c3c3c3c3c3 (archive old reports): is irreversible (it has no '-- migrate:downgrade' section)"
def refused = db.runs[0]
assert refused.contains(enumValue)
assert refused.contains(irreversible + ': write its downgrade, or, when it truly cannot be undone, verify it upgrade only with -Dmigrate.allowIrreversible=true')
assert refused.contains('verify found 2 problems')
assert refused.indexOf(enumValue) < refused.indexOf(irreversible), 'problems come in upgrade order'
assert refused.contains('BUILD FAILURE')
def allowed = db.runs[1]
assert allowed.contains(enumValue)
assert !allowed.contains(irreversible + ':')
assert allowed.contains("Revision c3c3c3c3c3c3 is irreversible (it has no '-- migrate:downgrade' section): verified upgrade only, its downgrade is skipped (migrate.allowIrreversible=true).")
assert allowed.contains('Verified c3c3c3c3c3c3 (archive old reports): upgrade only')
assert allowed.contains('verify found 1 problem')
assert !db.tableExists('reports')
true
