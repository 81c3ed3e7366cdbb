import groovy.json.JsonSlurper
def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def report = new JsonSlurper().parse(new File(basedir, 'target/report.json'))
assert report.command == 'upgrade'
assert report.environment == 'local'
assert report.headsBefore == []
assert report.headsAfter == ['b2b2b2b2b2b2']
assert report.steps*.revision == ['a1a1a1a1a1a1', 'b2b2b2b2b2b2']
assert report.steps*.direction == ['upgrade', 'upgrade']
assert report.steps.every { it.durationMs instanceof Number && it.durationMs >= 0 }
assert report.durationMs >= 0

def revision = new JsonSlurper().parse(new File(basedir, 'target/revision.json'))
assert revision.command == 'revision'
assert revision.revision == 'c3c3c3c3c3c3'
assert revision.downRevisions == ['b2b2b2b2b2b2']
assert new File(revision.path).isFile()

def stamp = new JsonSlurper().parse(new File(basedir, 'target/stamp.json'))
assert stamp.command == 'stamp'
assert stamp.headsBefore == ['b2b2b2b2b2b2']
assert stamp.headsAfter == ['b2b2b2b2b2b2']
true
