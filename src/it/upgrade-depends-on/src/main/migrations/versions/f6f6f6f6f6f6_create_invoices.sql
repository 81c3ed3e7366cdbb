-- create invoices
--
-- Revision ID: f6f6f6f6f6f6
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-11-22 09:00:00
-- Branch Labels: billing
-- Depends On: d4d4d4d4d4d4

-- migrate:upgrade
CREATE TABLE invoices (id bigint PRIMARY KEY, issued_by bigint NOT NULL REFERENCES users (id));

-- migrate:downgrade
DROP TABLE invoices;
