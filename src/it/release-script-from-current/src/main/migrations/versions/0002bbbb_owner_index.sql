-- index owners
--
-- Revision ID: 0002bbbb
-- Revises: 0001aaaa

-- migrate:upgrade
CREATE INDEX accounts_owner_idx ON accounts (owner);

-- migrate:downgrade
DROP INDEX accounts_owner_idx;
