-- fail0002
--
-- Revision ID: fail0002
-- Revises: base0001

-- migrate:upgrade
INSERT INTO nowhere VALUES (1);

-- migrate:downgrade

