-- create invoices
--
-- Revision ID: c3c3c3c3c3c3
-- Revises: b2b2b2b2b2b2
-- Create Date: 2026-11-22 09:00:00

-- migrate:upgrade
CREATE TABLE invoices (id bigint PRIMARY KEY);

-- migrate:downgrade
DROP TABLE invoices;
