-- billing branch
--
-- Revision ID: b1b1b1b1b1b1
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-12-01 09:10:00

-- migrate:upgrade
CREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id));

-- migrate:downgrade
DROP TABLE invoices;
