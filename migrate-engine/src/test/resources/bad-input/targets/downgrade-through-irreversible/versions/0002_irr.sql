-- irr0002
--
-- Revision ID: irr0002
-- Revises: base0001

-- migrate:upgrade
CREATE TABLE irr_t (id int);
