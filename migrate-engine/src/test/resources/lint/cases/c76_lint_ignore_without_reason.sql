-- ignore comment without a reason
--
-- Revision ID: c76
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: require-concurrent-index-creation, lint-ignore-without-reason

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
-- migrate:lint-ignore require-concurrent-index-creation
CREATE INDEX audit_log_at_idx ON audit_log (at);
