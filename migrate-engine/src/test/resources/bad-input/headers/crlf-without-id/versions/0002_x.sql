-- windows
-- Revises: base0001

-- migrate:upgrade
SELECT 1;
