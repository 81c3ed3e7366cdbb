-- varchar limit raised: no rewrite, still ACCESS EXCLUSIVE
--
-- Revision ID: c21
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: changing-column-type

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE customers ALTER COLUMN code TYPE varchar(20);
