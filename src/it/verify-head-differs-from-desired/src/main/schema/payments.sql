CREATE TYPE paymentstatus AS ENUM ('pending', 'paid', 'refunded');
CREATE TABLE payments (id bigint PRIMARY KEY, external_id text NOT NULL, status paymentstatus NOT NULL DEFAULT 'pending');
CREATE UNIQUE INDEX payments_external_id_key ON payments (external_id);
