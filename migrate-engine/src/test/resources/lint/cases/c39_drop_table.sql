-- table dropped
--
-- Revision ID: c39
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: ban-drop-table

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
DROP TABLE audit_log;
