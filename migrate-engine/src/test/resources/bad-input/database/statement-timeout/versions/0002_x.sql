-- slow0002
--
-- Revision ID: slow0002
-- Revises: base0001

-- migrate:upgrade
SELECT pg_sleep(5);

-- migrate:downgrade

