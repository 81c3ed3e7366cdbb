-- create accounts
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE TABLE accounts (id bigint PRIMARY KEY);

-- migrate:downgrade
DROP TABLE accounts;
