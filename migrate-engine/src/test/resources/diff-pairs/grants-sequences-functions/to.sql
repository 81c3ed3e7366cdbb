CREATE SEQUENCE ticket_seq;
CREATE FUNCTION next_ticket() RETURNS bigint LANGUAGE sql AS $$SELECT nextval('ticket_seq')$$;
GRANT USAGE, SELECT ON SEQUENCE ticket_seq TO authenticated;
REVOKE EXECUTE ON FUNCTION next_ticket() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION next_ticket() TO service_role;
