-- table dropped with CASCADE: a view and another table's foreign key go too
--
-- Revision ID: c40
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: ban-drop-table, destructive-change, indirect-lock

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
DROP TABLE orders CASCADE;
