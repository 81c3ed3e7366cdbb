-- unt0002
--
-- Revision ID: unt0002
-- Revises: base0001

-- migrate:upgrade
INSERT INTO keep VALUES (2, 'open);

-- migrate:downgrade

