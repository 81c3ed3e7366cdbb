def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.runs[0].contains('a1a1a1a1a1a1 (head)')
assert db.runs[0].contains('Running upgrade  -> a1a1a1a1a1a1, create customers')
assert !db.runs[0].contains('Hibernate')

def versions = new File(basedir, 'src/main/migrations/versions')
def written = versions.listFiles().findAll { !it.name.startsWith('a1a1a1a1a1a1_') }
assert written.size() == 1 : "expected one new revision file, found ${written*.name}"
def text = written[0].text
def generate = db.output(2)
// the project has no hibernate-core: the plugin's version, resolved for this goal only
assert generate.any { it ==~ /Hibernate 7\.\S+ for <entities> \(the project has no hibernate-core\): \d+ jars resolved in \d+ ms/ } : generate
assert generate.contains("Detected added table 'purchases'")
assert generate.contains("Detected added column 'customers.display_name'")
assert text.contains('CREATE TABLE public.purchases (')

// verify compares the head (now with the new revision) with the entities' schema
assert db.runs[2].contains('(the project has no hibernate-core)')
assert db.runs[2].contains('BUILD SUCCESS')
true
