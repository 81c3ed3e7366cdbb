def db = evaluate(new File(basedir, '../../../../src/it/support/db.groovy'))

def check = db.runs[1]
assert check.contains('[ERROR] Not compared: rule public.accounts.accounts_keep in the head schema and the live database, a kind of object the differ does not model, so a change to it would go unseen. Remove it, or accept it with -Dmigrate.allowUncompared=true.')
assert check.contains('check found 1 problem.')
assert check.contains('BUILD FAILURE')
def allowed = db.runs[2]
assert allowed.contains('Accepted (migrate.allowUncompared=true).')
assert allowed.contains('BUILD SUCCESS')
true
