-- users, reports and payments: enums, updated_at triggers, unique indexes
CREATE TYPE user_role AS ENUM ('member', 'admin', 'owner');
CREATE TYPE report_status AS ENUM ('draft', 'submitted', 'approved', 'rejected');
CREATE TYPE payment_state AS ENUM ('pending', 'paid', 'refunded', 'failed');

CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END
$$;

CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    display_name varchar(120),
    role user_role NOT NULL DEFAULT 'member',
    is_active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_lower ON users (lower(email));
COMMENT ON TABLE users IS 'accounts that sign in';

CREATE TABLE reports (
    id bigserial PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title text NOT NULL,
    body text,
    status report_status NOT NULL DEFAULT 'draft',
    submitted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT reports_submitted_has_date CHECK (status = 'draft' OR submitted_at IS NOT NULL)
);
CREATE INDEX idx_reports_created_at ON reports (created_at DESC);
CREATE UNIQUE INDEX reports_author_title ON reports (author_id, title) WHERE status <> 'rejected';

CREATE TABLE payments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id bigint NOT NULL REFERENCES users (id),
    report_id bigint REFERENCES reports (id) ON DELETE SET NULL,
    amount_cents integer NOT NULL CHECK (amount_cents > 0),
    currency char(3) NOT NULL DEFAULT 'EUR',
    state payment_state NOT NULL DEFAULT 'pending',
    provider_ref text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT payments_provider_ref_key UNIQUE (provider_ref)
);
CREATE INDEX payments_user_state ON payments (user_id, state);

CREATE TRIGGER users_updated_at BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER reports_updated_at BEFORE UPDATE ON reports FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER payments_updated_at BEFORE UPDATE ON payments FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE VIEW submitted_reports AS
    SELECT r.id, r.title, u.email AS author_email, r.submitted_at
    FROM reports r JOIN users u ON u.id = r.author_id
    WHERE r.status = 'submitted';
