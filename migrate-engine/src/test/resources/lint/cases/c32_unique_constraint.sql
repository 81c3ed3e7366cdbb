-- UNIQUE constraint building its own index
--
-- Revision ID: c32
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: disallowed-unique-constraint

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE customers ADD CONSTRAINT customers_email_key UNIQUE (email);
