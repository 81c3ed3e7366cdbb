-- primary key added to a table with rows
--
-- Revision ID: c28
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: adding-serial-primary-key-field

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE events ADD PRIMARY KEY (id);
