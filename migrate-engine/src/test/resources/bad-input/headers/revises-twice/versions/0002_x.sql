-- twice
-- Revision ID: aaa0002
-- Revises: base0001
-- Revises: base0001

-- migrate:upgrade
SELECT 1;
