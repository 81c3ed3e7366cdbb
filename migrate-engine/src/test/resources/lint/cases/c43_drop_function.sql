-- function dropped
--
-- Revision ID: c43
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: destructive-change

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
DROP FUNCTION order_count();
