-- domain created with a CHECK
--
-- Revision ID: c63
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: ban-create-domain-with-constraint

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
CREATE DOMAIN email_address AS text CHECK (VALUE LIKE '%@%');
