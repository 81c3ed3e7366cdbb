CREATE FUNCTION discount(price numeric) RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT price * 0.8';
CREATE FUNCTION greeting(name text) RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog
    AS $$BEGIN RETURN 'Hi ' || name; END$$;
