-- add transfer note
--
-- Revision ID: 0004dddd
-- Revises: 0003cccc

-- migrate:upgrade
ALTER TABLE transfers ADD COLUMN note text;

-- migrate:downgrade
ALTER TABLE transfers DROP COLUMN note;
