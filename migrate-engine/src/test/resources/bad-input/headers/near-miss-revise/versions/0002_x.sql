-- typo
-- Revision ID: aaa0002
-- Revise: base0001

-- migrate:upgrade
SELECT 1;
