-- audit branch
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-12-01 09:11:00

-- migrate:upgrade
CREATE TABLE audit_logs (id bigserial PRIMARY KEY, action text NOT NULL);
CREATE INDEX audit_logs_action_idx ON audit_logs (action);

-- migrate:downgrade
DROP TABLE audit_logs;
