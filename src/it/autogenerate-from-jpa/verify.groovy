def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

// upgrade does not need the desired schema: Hibernate is neither resolved nor run
assert db.runs[0].contains('Running upgrade  -> a1a1a1a1a1a1, create customers')
assert !db.runs[0].contains('Hibernate')
assert !db.runs[0].contains('Detected')

def versions = new File(basedir, 'src/main/migrations/versions')
def written = versions.listFiles().findAll { !it.name.startsWith('a1a1a1a1a1a1_') }
assert written.size() == 1 : "expected one new revision file, found ${written*.name}"
def text = written[0].text
def id = (text =~ /(?m)^-- Revision ID: (\w+)\s*$/)[0][1]
assert written[0].name == "${id}_add_purchases.sql"

def generate = db.output(2)
assert generate.contains("Detected added table 'purchases'")
assert generate.contains("Detected added column 'customers.display_name'")
// the project has its own hibernate-core: nothing is resolved for it
assert !db.runs[1].contains('(the project has no hibernate-core)')
assert generate.any { it.startsWith('Generating ') && it.endsWith("${id}_add_purchases.sql ... done") }
assert text.contains('-- Revises: a1a1a1a1a1a1')
assert text.contains('CREATE TABLE public.purchases (')
assert text.contains('ALTER TABLE public.customers ADD COLUMN display_name character varying(80);')
assert text =~ /ALTER TABLE public\.purchases ADD CONSTRAINT \w+ FOREIGN KEY \(customer_id\) REFERENCES public\.customers\(id\);/
assert text.contains('-- WARNING: data loss\nDROP TABLE public.purchases;')

assert db.runs[2].contains("Running upgrade a1a1a1a1a1a1 -> ${id}, add purchases")
assert db.versions() == [id]
def columns = db.rows("""select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable as c
        from information_schema.columns where table_schema = 'public' and table_name in ('customers', 'purchases')
        order by 1""").collect { it.c }
assert columns == ['customers.display_name character varying YES', 'customers.email character varying NO',
                   'customers.id bigint NO', 'purchases.cents integer NO', 'purchases.customer_id bigint NO',
                   'purchases.id bigint NO'] : columns
assert db.value("select count(*) from pg_constraint where conrelid = 'purchases'::regclass and contype = 'f'") == 1

assert db.runs[3].contains('No problems found: the head schema, the desired schema and the live database agree.')
assert db.runs[3].contains('BUILD SUCCESS')
assert db.output(5).contains('No changes detected')
assert versions.listFiles().size() == 2
true
