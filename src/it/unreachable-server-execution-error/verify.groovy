def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.runs.size() == 2
def (refused, unresolved) = db.runs

/** The address of the build's [Help 1] link: Maven names the exception class the goal failed with. */
def help = { String run ->
    def line = run.readLines().find { it.startsWith('[ERROR] [Help 1] ') }
    assert line != null : 'no [Help 1] link in the build log'
    line.substring('[ERROR] [Help 1] '.length()).trim()
}
def failureLine = { String run ->
    run.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
}

// 1. connection refused: an execution error, with the masked url and the driver's reason
assert refused.contains('BUILD FAILURE')
assert help(refused) == 'http://cwiki.apache.org/confluence/display/MAVEN/MojoExecutionException'
assert failureLine(refused).contains('Cannot connect to jdbc:postgresql://127.0.0.1:1/app: Connection to 127.0.0.1:1 refused')
assert !refused.contains('Running upgrade')

// 2. an unknown host is named as such, without -e, and is an execution error too
assert unresolved.contains('BUILD FAILURE')
assert help(unresolved) == 'http://cwiki.apache.org/confluence/display/MAVEN/MojoExecutionException'
assert failureLine(unresolved).contains('could not resolve host db.staging.invalid')
true
