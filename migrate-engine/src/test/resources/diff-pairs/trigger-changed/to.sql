CREATE TABLE audit (id serial PRIMARY KEY, what text);
CREATE TABLE notes (id int PRIMARY KEY, body text);
CREATE FUNCTION log_change() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN INSERT INTO audit (what) VALUES (TG_OP || ' ' || TG_TABLE_NAME); RETURN NULL; END$$;
CREATE TRIGGER notes_audit AFTER INSERT OR UPDATE OR DELETE ON notes FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION log_change();
