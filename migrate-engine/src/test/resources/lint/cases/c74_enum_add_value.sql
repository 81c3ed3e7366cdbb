-- enum value added
--
-- Revision ID: c74
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: require-enum-value-ordering

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TYPE order_kind ADD VALUE 'app';
