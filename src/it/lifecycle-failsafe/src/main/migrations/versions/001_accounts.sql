-- accounts
--
-- Revision ID: 001_accounts
-- Revises:

-- migrate:upgrade
CREATE TABLE accounts (id bigint PRIMARY KEY, owner text NOT NULL);

-- migrate:downgrade
DROP TABLE accounts;
