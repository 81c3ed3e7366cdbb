-- archive reports
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-12-01 09:10:00

-- migrate:upgrade
ALTER TYPE reportstatus ADD VALUE 'archived';

-- migrate:downgrade
-- migrate:nothing-to-undo
