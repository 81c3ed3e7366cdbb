-- background jobs, audit logs and notifications
--
-- Revision ID: 1b2c3d4e5f60
-- Revises: 0a7b6c5d4e3f
-- Create Date: 2026-11-10 14:00:00

-- migrate:upgrade
CREATE TABLE jobs (
    id          uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    kind        text NOT NULL,
    payload     jsonb NOT NULL DEFAULT '{}'::jsonb,
    state       text NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts    integer NOT NULL DEFAULT 0,
    run_after   timestamptz NOT NULL DEFAULT now(),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ix_jobs_queued ON jobs (run_after) WHERE state = 'queued';

CREATE TABLE notifications (
    id         uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body       text NOT NULL,
    read_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_logs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id    uuid REFERENCES users (id) ON DELETE SET NULL,
    action      text NOT NULL,
    target      text NOT NULL,
    details     jsonb,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER jobs_touch_updated_at BEFORE UPDATE ON jobs
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- migrate:downgrade
DROP TABLE audit_logs;
DROP TABLE notifications;
DROP TABLE jobs;
