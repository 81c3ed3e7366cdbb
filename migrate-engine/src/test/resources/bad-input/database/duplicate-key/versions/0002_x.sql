-- fail0002
--
-- Revision ID: fail0002
-- Revises: base0001

-- migrate:upgrade
INSERT INTO keep VALUES (1, 'again');

-- migrate:downgrade

