CREATE TABLE audit_log (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, op text, row_data jsonb, prev_hash text, hash text
);
REVOKE ALL ON audit_log FROM PUBLIC;
CREATE FUNCTION audit_accounts() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
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
-- clerk cannot touch the log, but nothing stops the owner from rewriting it
CREATE TRIGGER accounts_audit AFTER INSERT OR UPDATE OR DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION audit_accounts();
