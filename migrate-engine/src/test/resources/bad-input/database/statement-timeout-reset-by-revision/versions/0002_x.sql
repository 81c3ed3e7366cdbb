-- slow0002
--
-- Revision ID: slow0002
-- Revises: base0001

-- migrate:upgrade
SET statement_timeout = 0;
SELECT pg_sleep(5);

-- migrate:downgrade

