-- create invoices
--
-- Revision ID: f6f6f6f6f6f6
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-11-22 09:00:00
-- Branch Labels: billing

-- migrate:upgrade
CREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id));

-- migrate:downgrade
DROP TABLE invoices;
