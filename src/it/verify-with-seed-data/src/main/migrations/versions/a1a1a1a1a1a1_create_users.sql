-- create users
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 
-- Create Date: 2026-12-01 09:00:00

-- migrate:upgrade
CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL);

-- migrate:downgrade
DROP TABLE users;
