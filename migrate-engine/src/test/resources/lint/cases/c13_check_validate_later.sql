-- CHECK constraint validated in a later revision
--
-- Revision ID: c13
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: none

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders VALIDATE CONSTRAINT orders_status_known;
