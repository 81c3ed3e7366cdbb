-- fail0002
--
-- Revision ID: fail0002
-- Revises: base0001

-- migrate:upgrade
CREATE TABLE first_t (id int);
INSERT INTO keep VALUES (2, 'new');
SELECT 1/0;

-- migrate:downgrade

