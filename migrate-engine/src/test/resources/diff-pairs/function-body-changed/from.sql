CREATE FUNCTION discount(price numeric) RETURNS numeric LANGUAGE sql AS 'SELECT price * 0.9';
CREATE FUNCTION greeting(name text) RETURNS text LANGUAGE plpgsql AS $$BEGIN RETURN 'Hello ' || name; END$$;
