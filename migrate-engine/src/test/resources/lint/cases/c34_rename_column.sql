-- column renamed
--
-- Revision ID: c34
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: renaming-column

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders RENAME COLUMN note TO remark;
