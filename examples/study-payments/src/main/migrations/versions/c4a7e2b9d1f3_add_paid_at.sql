-- record when a payment succeeded
--
-- Revision ID: c4a7e2b9d1f3
-- Revises: 8d3f6a2c4e95
-- Create Date: 2026-11-12 16:40:00

-- migrate:upgrade
ALTER TABLE payments ADD COLUMN paid_at timestamptz;

UPDATE payments SET paid_at = updated_at WHERE status = 'succeeded';

-- migrate:downgrade
ALTER TABLE payments DROP COLUMN paid_at;
