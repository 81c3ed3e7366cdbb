CREATE TYPE paymentstatus AS ENUM ('requires_payment', 'succeeded', 'refunded', 'failed');

CREATE TABLE payments (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id           bigint NOT NULL REFERENCES users (id),
    report_id         bigint REFERENCES reports (id) ON DELETE SET NULL,
    stripe_payment_id text NOT NULL,
    amount_cents      integer NOT NULL CHECK (amount_cents > 0),
    currency          char(3) NOT NULL DEFAULT 'EUR',
    status            paymentstatus NOT NULL DEFAULT 'requires_payment',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    paid_at           timestamptz
);

CREATE UNIQUE INDEX ux_payments_stripe_payment_id ON payments (stripe_payment_id);
CREATE INDEX ix_payments_user_id ON payments (user_id);

CREATE TRIGGER payments_set_updated_at
    BEFORE UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
