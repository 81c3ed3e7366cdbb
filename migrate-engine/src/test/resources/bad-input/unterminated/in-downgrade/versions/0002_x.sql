-- unt0002
--
-- Revision ID: unt0002
-- Revises: base0001

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade
DELETE FROM keep WHERE note = 'open;
