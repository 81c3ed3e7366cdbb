-- create users
--
-- Revision ID: d4d4d4d4d4d4
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-11-22 09:00:00
-- Branch Labels: auth

-- migrate:upgrade
CREATE TABLE users (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id));

-- migrate:downgrade
DROP TABLE users;
