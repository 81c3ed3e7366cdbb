-- broken backfill
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-11-22 09:01:00

-- migrate:upgrade
ALTER TABLE accounts ADD COLUMN credit numeric NOT NULL DEFAULT 0;
INSERT INTO accounts (id, name, credit) VALUES (1, 'ada', 1 / 0);

-- migrate:downgrade
ALTER TABLE accounts DROP COLUMN credit;
