-- slow0003
--
-- Revision ID: slow0003
-- Revises: reset0002

-- migrate:upgrade
SELECT pg_sleep(5);

-- migrate:downgrade
