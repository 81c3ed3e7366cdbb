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

// -Dmigrate.format=json prints the same report (downgrade) or the file written (merge) on standard output
def printed = db.lines.findAll { it.startsWith('{') }.collect { new JsonSlurper().parseText(it) }
assert printed*.command == ['downgrade', 'merge']
def (downgrade, merge) = printed
assert downgrade.headsBefore == ['b2b2b2b2b2b2']
assert downgrade.headsAfter == ['a1a1a1a1a1a1']
assert downgrade.steps*.revision == ['b2b2b2b2b2b2']
assert downgrade.steps*.direction == ['downgrade']
assert downgrade.steps.every { it.durationMs instanceof Number && it.durationMs >= 0 }
assert db.versions() == ['a1a1a1a1a1a1']
assert merge.revision == 'e5e5e5e5e5e5'
assert merge.downRevisions.sort() == ['c3c3c3c3c3c3', 'd4d4d4d4d4d4']
assert new File(merge.path).isFile()
assert new File(merge.path).text.contains('Revision ID: e5e5e5e5e5e5')
true
