-- unt0002
--
-- Revision ID: unt0002
-- Revises: base0001

-- migrate:upgrade
SELECT 'it'';

-- migrate:downgrade

