-- create users with a role enum
--
-- Revision ID: 1a2b3c4d5e6f
-- Revises:
-- Create Date: 2026-11-22 09:00:00

-- migrate:upgrade
CREATE TYPE user_role AS ENUM ('member', 'admin');

CREATE TABLE users (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      text NOT NULL UNIQUE CHECK (position('@' in email) > 1),
    role       user_role NOT NULL DEFAULT 'member',
    created_at timestamptz NOT NULL DEFAULT now()
);

-- migrate:downgrade
DROP TABLE users;
DROP TYPE user_role;
