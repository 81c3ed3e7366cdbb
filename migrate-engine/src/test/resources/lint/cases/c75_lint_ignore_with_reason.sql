-- blocking index accepted with a reason
--
-- Revision ID: c75
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: require-concurrent-index-creation accepted

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '1min';
-- migrate:lint-ignore require-concurrent-index-creation audit_log holds a few hundred rows
CREATE INDEX audit_log_at_idx ON audit_log (at);
