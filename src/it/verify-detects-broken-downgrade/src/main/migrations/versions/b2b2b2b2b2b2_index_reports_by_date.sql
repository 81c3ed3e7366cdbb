-- index reports by date
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-12-01 09:10:00

-- migrate:upgrade
ALTER TABLE reports ADD COLUMN summary text;
CREATE INDEX idx_reports_created_at ON reports (created_at);

-- migrate:downgrade
ALTER TABLE reports DROP COLUMN summary;
