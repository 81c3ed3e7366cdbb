def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

// measured on a scratch copy: the pending revision's CREATE INDEX holds SHARE on accounts for the build
def lint = db.runs[1]
assert lint.contains('b2b2b2b2b2b2 line 9: SHARE on public.accounts while building index public.accounts_name_idx (require-concurrent-index-creation): build it with CREATE INDEX CONCURRENTLY')
assert lint.contains('Revision b2b2b2b2b2b2 (index account names): 2 statements')
assert lint.contains('lint found 1 finding at or above error')
assert lint.contains('BUILD FAILURE')
// lint changes nothing in the environment's database
assert db.versions() == ['a1a1a1a1a1a1']
assert db.value("select to_regclass('accounts_name_idx') is null") == true
true
