CREATE TABLE audit_log (
    seq       bigserial PRIMARY KEY,
    op        text NOT NULL CHECK (op IN ('INSERT', 'UPDATE', 'DELETE')),
    row_data  jsonb NOT NULL,
    prev_hash text NOT NULL,
    hash      text NOT NULL UNIQUE
);
CREATE FUNCTION log_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    r jsonb := CASE TG_OP WHEN 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
    p text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('audit_log'));
    p := coalesce((SELECT hash FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)), repeat('0', 64));
    INSERT INTO audit_log (op, row_data, prev_hash, hash)
    SELECT TG_OP, r, p, encode(sha256(convert_to(concat_ws('|', p, TG_OP, r::text), 'UTF8')), 'hex');
    RETURN NULL;
END $$;
CREATE TRIGGER accounts_audit AFTER INSERT OR UPDATE OR DELETE ON accounts
    FOR EACH ROW EXECUTE FUNCTION log_change();
-- append-only through privileges: nobody, the owner included, keeps UPDATE, DELETE or TRUNCATE
REVOKE ALL ON audit_log FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM shop_owner;
