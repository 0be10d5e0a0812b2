CREATE TABLE audit_log (
    seq bigserial PRIMARY KEY, op text NOT NULL, row_data jsonb NOT NULL, prev_hash text NOT NULL, hash text NOT NULL
);
-- no SECURITY DEFINER: the trigger runs as clerk, so clerk is given INSERT on the log -- and can forge rows
GRANT INSERT, SELECT ON audit_log TO clerk;
GRANT USAGE ON SEQUENCE audit_log_seq_seq TO clerk;
CREATE FUNCTION audit_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    data jsonb;
    prev text;
BEGIN
    IF TG_OP = 'DELETE' THEN data := to_jsonb(OLD); ELSE data := to_jsonb(NEW); END IF;
    SELECT hash INTO prev FROM audit_log ORDER BY seq DESC LIMIT 1;
    prev := coalesce(prev, repeat('0', 64));
    INSERT INTO audit_log (op, row_data, prev_hash, hash)
    VALUES (TG_OP, data, prev, encode(sha256(convert_to(prev || '|' || TG_OP || '|' || data::text, 'UTF8')), 'hex'));
    RETURN NULL;
END $$;
CREATE TRIGGER accounts_audit AFTER INSERT OR UPDATE OR DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION audit_accounts();
CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'append-only'; END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
