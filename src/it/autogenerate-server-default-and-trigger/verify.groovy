def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def generate = db.output(2)
assert generate.contains("Detected changed server default on 'accounts.status'")
assert generate.contains("Detected added function 'touch_updated_at()'")
assert generate.contains("Detected added trigger 'accounts_touch' on 'accounts'")
def file = new File(basedir, 'src/main/migrations/versions/b2b2b2b2b2b2_touch.sql')
def text = file.text
assert text.contains("ALTER TABLE public.accounts ALTER COLUMN status SET DEFAULT 'active'::text;")
assert text.contains("ALTER TABLE public.accounts ALTER COLUMN status SET DEFAULT 'new'::text;")
assert text.indexOf('CREATE OR REPLACE FUNCTION public.touch_updated_at()') < text.indexOf('CREATE TRIGGER accounts_touch')
assert text.contains('DROP TRIGGER accounts_touch ON public.accounts;')

assert db.runs[2].contains('Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, touch')
assert db.runs[3].contains('No problems found')
assert db.runs[3].contains('BUILD SUCCESS')
assert db.runs[4].contains('Running downgrade b2b2b2b2b2b2 -> a1a1a1a1a1a1, touch')
assert db.versions() == ['a1a1a1a1a1a1']
assert db.value("select column_default from information_schema.columns where table_name = 'accounts' and column_name = 'status'") == "'new'::text"
assert db.value("select count(*) from pg_trigger where tgname = 'accounts_touch'") == 0
assert db.value("select count(*) from pg_proc where proname = 'touch_updated_at'") == 0
true
