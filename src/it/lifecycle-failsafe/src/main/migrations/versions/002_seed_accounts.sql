-- seed accounts
--
-- Revision ID: 002_seed_accounts
-- Revises: 001_accounts

-- migrate:upgrade
INSERT INTO accounts (id, owner) VALUES (1, 'ada'), (2, 'grace');

-- migrate:downgrade
DELETE FROM accounts WHERE id IN (1, 2);
