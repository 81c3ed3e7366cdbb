-- create reports
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 
-- Create Date: 2026-12-01 09:00:00

-- migrate:upgrade
CREATE TYPE reportstatus AS ENUM ('draft', 'done');
CREATE TABLE reports (id bigint PRIMARY KEY, status reportstatus NOT NULL DEFAULT 'draft');

-- migrate:downgrade
DROP TABLE reports;
DROP TYPE reportstatus;
