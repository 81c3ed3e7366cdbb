-- constraint added to a domain in use
--
-- Revision ID: c64
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: ban-alter-domain-with-add-constraint, full-table-scan

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER DOMAIN positive ADD CONSTRAINT positive_check CHECK (VALUE > 0);
