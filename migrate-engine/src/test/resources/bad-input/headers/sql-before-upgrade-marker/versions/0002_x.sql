-- early
-- Revision ID: aaa0002
-- Revises: base0001
CREATE TABLE early(id int);
-- migrate:upgrade
SELECT 1;
