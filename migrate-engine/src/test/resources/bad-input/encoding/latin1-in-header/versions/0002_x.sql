-- café
-- Revision ID: enc0002
-- Revises: base0001

-- migrate:upgrade
SELECT 1;
