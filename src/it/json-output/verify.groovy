import groovy.json.JsonSlurper

def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.versions() == ['b2b2b2b2b2b2']
// the quiet goals printed nothing but their JSON: the only environment line is the upgrade's
assert db.log.count('Environment local:') == 1
def json = db.lines.findAll { it.startsWith('{') }
assert json.size() == 3 : "expected three JSON lines, found:\n${json.join('\n')}"
def slurper = new JsonSlurper()
def current = slurper.parseText(json[0])
def heads = slurper.parseText(json[1])
def history = slurper.parseText(json[2])

// the documented fields (a revision may carry more)
assert current.environment == 'local'
assert current.current*.subMap('revision', 'head', 'current', 'message') ==
        [[revision: 'b2b2b2b2b2b2', head: false, current: true, message: 'create orders']]

assert heads.keySet() == ['heads'] as Set
assert heads.heads*.subMap('revision', 'message', 'branchLabels', 'head', 'effectiveHead') ==
        [[revision: 'c3c3c3c3c3c3', message: 'add order total', branchLabels: [], head: true, effectiveHead: false]]

assert history.revisions*.revision == ['c3c3c3c3c3c3', 'b2b2b2b2b2b2', 'a1a1a1a1a1a1']
assert history.revisions[0].subMap('revision', 'downRevisions', 'message', 'head', 'current') ==
        [revision: 'c3c3c3c3c3c3', downRevisions: ['b2b2b2b2b2b2'], message: 'add order total', head: true, current: false]
assert history.revisions[1].subMap('revision', 'downRevisions', 'message', 'head', 'current') ==
        [revision: 'b2b2b2b2b2b2', downRevisions: ['a1a1a1a1a1a1'], message: 'create orders', head: false, current: true]
assert history.revisions[2].subMap('revision', 'downRevisions', 'message', 'head', 'current') ==
        [revision: 'a1a1a1a1a1a1', downRevisions: [], message: 'create accounts', head: false, current: false]
true
