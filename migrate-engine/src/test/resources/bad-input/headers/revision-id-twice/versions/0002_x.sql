-- twice
-- Revision ID: aaa0002
-- Revision ID: bbb0002
-- Revises: base0001

-- migrate:upgrade
SELECT 1;
