def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.runs[0].contains('Unknown property -Dmigrate.tagret: did you mean -Dmigrate.target? Nothing was run')
assert !db.runs[0].contains('Environment local')
assert db.runs[1].contains("Unknown key 'lockTimout' in environments/typo.properties line 2: did you mean 'lockTimeout'?")
assert db.runs[2].contains('Unknown property -Dmigrate.verbos: did you mean -Dmigrate.verbose?')
assert db.runs[3].contains('downgrade needs -Dmigrate.target (the revision to go down to: -1, base, a revision id), e.g. mvn migrate:downgrade -Dmigrate.target=-1')
assert !db.runs[3].contains("parameters 'target'")
assert db.runs[4].contains('BUILD SUCCESS')
// (the invoker runs with -e, so stack traces are expected in this log)
// nothing ran anywhere
assert !db.tableExists('migrate_version')
assert !db.tableExists('accounts')
true
