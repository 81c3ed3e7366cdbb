def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.runs.size() == 4
def (applied, upgrade, downgrade, unedited) = db.runs
assert applied.contains('Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, create orders')

def failure = { String run ->
    def line = run.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
    assert line != null
    // (the scenario's own folder name must not count)
    line.replace(basedir.name, '<scenario>')
}

// 2. no step to run, yet the edit is reported: not "up to date"
assert upgrade.contains('BUILD FAILURE')
def error = failure(upgrade)
assert error.contains('Revision files were edited after they were applied: b2b2b2b2b2b2 (')
assert error.contains('b2b2b2b2b2b2_create_orders.sql')
assert error.contains('Nothing was run')
assert error.contains('-Dmigrate.acceptChanged=b2b2b2b2b2b2')
assert !error.contains('a1a1a1a1a1a1')
assert !upgrade.contains('is up to date')
assert !upgrade.contains('Running upgrade')
// the edit is the project's content
assert upgrade.contains('[Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException')

// 3. the downgrade would run the edited b2's downgrade section: refused before anything runs
assert downgrade.contains('BUILD FAILURE')
error = failure(downgrade)
assert error.contains('b2b2b2b2b2b2_create_orders.sql')
assert error.contains('-Dmigrate.acceptChanged=b2b2b2b2b2b2')
assert !downgrade.contains('Running downgrade')

// 4. the files as applied: nothing to do
assert unedited.contains('BUILD SUCCESS')
assert unedited.contains('is up to date')

assert db.versions() == ['b2b2b2b2b2b2']
assert db.tableExists('orders')
assert db.value("select count(*) from migrate_history where direction <> 'upgrade'") == 0
true
