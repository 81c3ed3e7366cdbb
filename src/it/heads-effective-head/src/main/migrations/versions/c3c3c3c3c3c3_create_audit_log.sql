-- create audit log
--
-- Revision ID: c3c3c3c3c3c3
-- Revises: 
-- Depends On: b2b2b2b2b2b2

-- migrate:upgrade
CREATE TABLE audit_log (id bigint PRIMARY KEY, user_id bigint REFERENCES users);

-- migrate:downgrade
DROP TABLE audit_log;
