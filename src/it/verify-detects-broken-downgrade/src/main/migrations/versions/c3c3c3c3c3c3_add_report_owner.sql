-- add report owner
--
-- Revision ID: c3c3c3c3c3c3
-- Revises: b2b2b2b2b2b2
-- Create Date: 2026-12-01 09:20:00

-- migrate:upgrade
ALTER TABLE reports ADD COLUMN owner text;

-- migrate:downgrade
ALTER TABLE reports DROP COLUMN owner;
