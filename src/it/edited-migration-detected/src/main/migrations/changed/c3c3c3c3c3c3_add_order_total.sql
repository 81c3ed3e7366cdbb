-- add order total
--
-- Revision ID: c3c3c3c3c3c3
-- Revises: b2b2b2b2b2b2
-- Create Date: 2026-11-22 09:00:00

-- migrate:upgrade
ALTER TABLE orders ADD COLUMN total numeric(12, 2) NOT NULL DEFAULT 0;

-- migrate:downgrade
ALTER TABLE orders DROP COLUMN total;
