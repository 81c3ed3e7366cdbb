-- a function that changes a column type, then called
--
-- Revision ID: c68
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: changing-column-type

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
CREATE FUNCTION widen_customer_ids() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    ALTER TABLE events ALTER COLUMN id TYPE numeric;
END
$$;
SELECT widen_customer_ids();
