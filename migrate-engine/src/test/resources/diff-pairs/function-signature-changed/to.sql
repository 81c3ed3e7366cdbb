CREATE FUNCTION total(a int, b int, c int DEFAULT 0) RETURNS bigint LANGUAGE sql AS 'SELECT (a + b + c)::bigint';
CREATE PROCEDURE archive_old(days int) LANGUAGE plpgsql AS $$BEGIN RAISE NOTICE 'archiving %', days; END$$;
