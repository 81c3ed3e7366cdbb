-- fail0002
--
-- Revision ID: fail0002
-- Revises: base0001

-- migrate:upgrade
SELECT no_such_function(1);

-- migrate:downgrade

