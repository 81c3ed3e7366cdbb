def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def versions = new File(basedir, 'src/main/migrations/versions')
def written = versions.listFiles().findAll { !it.name.startsWith('a1a1a1a1a1a1_') }
assert written.size() == 1 : "expected one new revision file, found ${written*.name}"
def text = written[0].text
def id = (text =~ /(?m)^-- Revision ID: (\w+)\s*$/)[0][1]
assert written[0].name == "${id}_add_payments.sql"

def generate = db.output(2)
assert generate.contains("Detected added table 'payments'")
assert generate.contains('[WARNING] downgrade: data loss: table public.payments is dropped with its rows')
assert generate.any { it.startsWith('Generating ') && it.endsWith("${id}_add_payments.sql ... done") }
assert text.contains('-- Revises: a1a1a1a1a1a1')
assert text.contains('CREATE TABLE public.payments (')
assert text.contains('ALTER TABLE public.payments ADD CONSTRAINT payments_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id);')
assert text.contains('CREATE INDEX payments_account_id_idx ON public.payments USING btree (account_id);')
assert text.contains('-- WARNING: data loss\nDROP TABLE public.payments;')

assert db.runs[2].contains("Running upgrade a1a1a1a1a1a1 -> ${id}, add payments")
assert db.versions() == [id]
assert db.tableExists('payments')
assert db.runs[3].contains('No problems found: the head schema, the desired schema and the live database agree.')
assert db.runs[3].contains('BUILD SUCCESS')
assert db.output(5).contains('No changes detected')
assert versions.listFiles().size() == 2
true
