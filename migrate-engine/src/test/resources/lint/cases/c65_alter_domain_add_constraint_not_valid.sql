-- constraint added NOT VALID to a domain
--
-- Revision ID: c65
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: none

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER DOMAIN positive ADD CONSTRAINT positive_check CHECK (VALUE > 0) NOT VALID;
