-- encoding
-- Revision ID: enc0002
-- Revises: base0001

-- migrate:upgrade
INSERT INTO keep VALUES (2, 'café');
