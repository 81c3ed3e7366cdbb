-- create accounts
--
-- Revision ID: 0001aaaa
-- Revises: 

-- migrate:upgrade
CREATE TABLE accounts (id bigint PRIMARY KEY, owner text NOT NULL);

-- migrate:downgrade
DROP TABLE accounts;
