CREATE TABLE audit (id serial PRIMARY KEY, what text);
CREATE TABLE notes (id int PRIMARY KEY, body text);
CREATE FUNCTION log_change() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN INSERT INTO audit (what) VALUES (TG_OP); RETURN NULL; END$$;
CREATE TRIGGER notes_audit AFTER INSERT ON notes FOR EACH ROW EXECUTE FUNCTION log_change();
