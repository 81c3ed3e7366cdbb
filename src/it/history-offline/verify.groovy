def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

// 1. no database needed: exit 0, the revisions newest first
assert db.runs[0].contains('BUILD SUCCESS')
assert db.output(1) == ['a1a1a1a1a1a1 -> b2b2b2b2b2b2 (head), create orders', '<base> -> a1a1a1a1a1a1, create accounts']
assert !db.runs[0].contains('Cannot connect')
// 2. indicateCurrent connects: an unreachable server is the environment's fault, not the content's
assert db.runs[1].contains('Cannot connect to jdbc:postgresql://127.0.0.1:1/app: Connection to 127.0.0.1:1 refused')
assert db.runs[1].contains('MojoExecutionException')
assert !db.runs[1].contains('MojoFailureException')
true
