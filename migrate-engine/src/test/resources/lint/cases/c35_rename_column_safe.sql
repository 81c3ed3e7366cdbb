-- new column beside the old one (expand, then contract later)
--
-- Revision ID: c35
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: none

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN remark text;
