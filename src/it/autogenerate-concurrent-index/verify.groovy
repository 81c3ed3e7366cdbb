def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

assert db.output(2).contains("Detected added index 'accounts_name_idx' on 'accounts'")
def text = new File(basedir, 'src/main/migrations/versions/b2b2b2b2b2b2_index.sql').text
assert text.contains('-- Create Date: ')
assert text.contains('-- Transactional: false\n')
assert text.contains('CREATE INDEX CONCURRENTLY accounts_name_idx ON public.accounts USING btree (name);')
assert text.contains('DROP INDEX CONCURRENTLY public.accounts_name_idx;')
assert db.runs[2].contains('Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, index')
assert db.value("select indisvalid from pg_index where indexrelid = 'accounts_name_idx'::regclass") == true
assert db.runs[3].contains('No problems found')
assert db.versions() == ['b2b2b2b2b2b2']
true
