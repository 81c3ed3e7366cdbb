def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def lint = db.runs[1]
assert lint.contains('b2b2b2b2b2b2 line 11: SHARE on public.accounts while building index public.accounts_name_idx (require-concurrent-index-creation) accepted: accounts is written once a night, by the batch')
assert lint.contains(': 0 errors, 0 warnings, 0 info, 1 accepted')
assert lint.contains('BUILD SUCCESS')
assert db.versions() == ['a1a1a1a1a1a1']
true
