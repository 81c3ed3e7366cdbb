-- DROP DATABASE in a revision
--
-- Revision ID: c78
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Transactional: false
-- Expect: ban-drop-database

-- migrate:upgrade
DROP DATABASE IF EXISTS reporting;
