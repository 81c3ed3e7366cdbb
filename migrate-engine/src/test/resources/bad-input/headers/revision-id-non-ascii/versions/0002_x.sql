-- révision
--
-- Revision ID: révision
-- Revises: base0001

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade

