-- unt0002
--
-- Revision ID: unt0002
-- Revises: base0001

-- migrate:upgrade
/* no end
SELECT 1;

-- migrate:downgrade

