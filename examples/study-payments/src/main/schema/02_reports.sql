CREATE TYPE reportstatus AS ENUM ('pending', 'processing', 'completed', 'failed');

CREATE TABLE reports (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    external_id text NOT NULL,
    title       text NOT NULL,
    status      reportstatus NOT NULL DEFAULT 'pending',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX ux_reports_external_id ON reports (external_id);
CREATE INDEX ix_reports_user_id_created_at ON reports (user_id, created_at DESC);

CREATE TRIGGER reports_set_updated_at
    BEFORE UPDATE ON reports
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
