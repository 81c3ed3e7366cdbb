-- unt0002
--
-- Revision ID: unt0002
-- Revises: base0001

-- migrate:upgrade
SELECT E'abc\';

-- migrate:downgrade

