-- comment accounts
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-11-22 09:01:00

-- migrate:upgrade
COMMENT ON TABLE accounts IS 'customer accounts';

-- migrate:downgrade
-- migrate:nothing-to-undo
