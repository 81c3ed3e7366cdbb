-- create transfers
--
-- Revision ID: 0003cccc
-- Revises: 0002bbbb

-- migrate:upgrade
CREATE TABLE transfers (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id), amount numeric(12, 2) NOT NULL);

-- migrate:downgrade
DROP TABLE transfers;
