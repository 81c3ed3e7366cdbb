def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def versions = new File(basedir, 'src/main/migrations/versions')
def written = versions.listFiles().findAll { !it.name.startsWith('a1a1a1a1a1a1_') }
assert written.size() == 1 : "expected one new revision file, found ${written*.name}"
def file = written[0]
def text = file.text
def id = (text =~ /(?m)^-- Revision ID: (\w+)\s*$/)[0][1]
assert id ==~ /[0-9a-f]{12}/
// the default file template {rev}_{slug}; the header as the scaffold's template writes it
assert file.name == "${id}_add_user_email.sql"
def header = text.readLines()
assert header[0] == '-- add user email'
assert header.contains('-- Revises: a1a1a1a1a1a1')
assert header.any { it ==~ /-- Create Date: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?/ }
assert header.contains('-- migrate:upgrade')
assert header.contains('-- migrate:downgrade')

// the empty revision is applied and reverted like any other
assert db.runs[1].contains("Running upgrade a1a1a1a1a1a1 -> ${id}, add user email")
assert db.output(3) == ["a1a1a1a1a1a1 -> ${id} (head) (current), add user email" as String,
                        '<base> -> a1a1a1a1a1a1, create accounts']
assert db.runs[3].contains("Running downgrade ${id} -> a1a1a1a1a1a1, add user email")
assert db.versions() == ['a1a1a1a1a1a1']
true
