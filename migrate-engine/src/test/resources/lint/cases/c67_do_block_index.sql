-- CREATE INDEX inside a DO block
--
-- Revision ID: c67
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: require-concurrent-index-creation

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
DO $$
BEGIN
    EXECUTE 'CREATE INDEX orders_created_idx ON orders (created_at)';
END
$$;
