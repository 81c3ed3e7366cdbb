-- none
-- Revision ID: aaa0002
-- Revises: base0001

SELECT 1;
