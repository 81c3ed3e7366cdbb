-- invoice audit trigger
--
-- Revision ID: d4d4d4d4d4d4
-- Revises: m3m3m3m3m3m3
-- Create Date: 2026-12-01 09:30:00

-- migrate:upgrade
CREATE FUNCTION log_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_logs (action) VALUES ('invoice ' || NEW.id);
    RETURN NEW;
END
$$;
CREATE TRIGGER invoices_audit AFTER INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION log_invoice();

-- migrate:downgrade
DROP TRIGGER invoices_audit ON invoices;
DROP FUNCTION log_invoice();
