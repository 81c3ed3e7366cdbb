def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

// both runs: the name asked for and the known environments
def failures = db.log.split('BUILD FAILURE').drop(1)
assert failures.size() == 2
failures.each { f ->
    def message = f.readLines().find { it.contains('Unknown environment') }
    assert message != null
    assert message.contains('prod')
    assert message.contains('local')
    assert message.contains('staging')
}
assert !db.log.contains('Running upgrade')
assert !db.log.contains('Environment local:')
assert !db.tableExists('accounts')
assert !db.tableExists('migrate_version')
true
