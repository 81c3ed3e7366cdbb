def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def versions = new File(basedir, 'src/main/migrations/versions')
def written = versions.listFiles().findAll { !(it.name =~ /^(a1a1a1a1a1a1|b2b2b2b2b2b2|c3c3c3c3c3c3)_/) }
assert written.size() == 1 : "expected one new revision file, found ${written*.name}"
def text = written[0].text
def id = (text =~ /(?m)^-- Revision ID: (\w+)\s*$/)[0][1]
assert id ==~ /[0-9a-f]{12}/
assert text.readLines()[0] == '-- merge'
def revises = ((text =~ /(?m)^-- Revises: (.*)$/)[0][1]).split(',')*.trim() as Set
assert revises == ['b2b2b2b2b2b2', 'c3c3c3c3c3c3'] as Set
assert written[0].name.startsWith(id + '_')

assert db.log.contains('Running upgrade  -> a1a1a1a1a1a1, create accounts')
assert db.log =~ /Running upgrade (b2b2b2b2b2b2, c3c3c3c3c3c3|c3c3c3c3c3c3, b2b2b2b2b2b2) -> ${id}, merge \(\d+ ms\)/
assert db.versions() == [id]
assert db.tableExists('orders')
assert db.tableExists('invoices')
assert db.value("select count(*) from migrate_history where direction = 'upgrade'") == 4
true
