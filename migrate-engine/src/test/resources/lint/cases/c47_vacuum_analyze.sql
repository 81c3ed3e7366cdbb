-- plain VACUUM (ANALYZE)
--
-- Revision ID: c47
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Transactional: false
-- Expect: none

-- migrate:upgrade
SET lock_timeout = '2s';
VACUUM (ANALYZE) orders;
