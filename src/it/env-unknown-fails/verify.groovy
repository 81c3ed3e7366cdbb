def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

// both runs fail before connecting, naming the environment asked for and the known ones
assert db.runs.size() == 2
db.runs.each { run ->
    assert run.contains('BUILD FAILURE')
    def error = run.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
    assert error != null
    assert error.contains('Unknown environment')
    assert error.contains('prod')
    assert error.contains('local')
    assert error.contains('staging')
    assert !run.contains('Environment ')
}
assert !db.log.contains('Running upgrade')
assert !db.tableExists('accounts')
assert !db.tableExists('migrate_version')
true
