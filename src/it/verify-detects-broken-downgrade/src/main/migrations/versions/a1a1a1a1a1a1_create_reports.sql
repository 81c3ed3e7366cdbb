-- create reports
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 
-- Create Date: 2026-12-01 09:00:00

-- migrate:upgrade
CREATE TABLE reports (id bigint PRIMARY KEY, title text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());

-- migrate:downgrade
DROP TABLE reports;
