-- function replaced in place
--
-- Revision ID: c44
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: none

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
CREATE OR REPLACE FUNCTION order_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM orders WHERE status <> 'cancelled' $$;
