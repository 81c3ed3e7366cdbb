CREATE SEQUENCE ticket_seq;
CREATE FUNCTION next_ticket() RETURNS bigint LANGUAGE sql AS $$SELECT nextval('ticket_seq')$$;
