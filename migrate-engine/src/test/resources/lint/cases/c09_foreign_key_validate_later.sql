-- foreign key validated in a later revision
--
-- Revision ID: c09
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: none

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE payments VALIDATE CONSTRAINT payments_order_fk;
