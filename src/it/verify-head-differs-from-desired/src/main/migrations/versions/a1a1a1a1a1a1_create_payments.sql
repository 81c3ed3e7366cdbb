-- create payments
--
-- Revision ID: a1a1a1a1a1a1
-- Revises:
-- Create Date: 2026-12-01 09:00:00

-- migrate:upgrade
CREATE TYPE paymentstatus AS ENUM ('pending', 'paid');
CREATE TABLE payments (id bigint PRIMARY KEY, external_id text NOT NULL, status paymentstatus NOT NULL DEFAULT 'pending');

-- migrate:downgrade
DROP TABLE payments;
DROP TYPE paymentstatus;
