CREATE FUNCTION total(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT a + b';
