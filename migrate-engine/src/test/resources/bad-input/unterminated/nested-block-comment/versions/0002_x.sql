-- unt0002
--
-- Revision ID: unt0002
-- Revises: base0001

-- migrate:upgrade
/* outer /* inner */ still open
SELECT 1;

-- migrate:downgrade

