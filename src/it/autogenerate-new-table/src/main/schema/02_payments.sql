CREATE TABLE payments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    amount numeric(12, 2) NOT NULL CHECK (amount > 0)
);
CREATE INDEX payments_account_id_idx ON payments (account_id);
