-- one policy per command; current_setting without missing_ok fails when no tenant is set
CREATE FUNCTION current_tenant() RETURNS int LANGUAGE sql STABLE
    AS $$ SELECT current_setting('app.tenant_id')::int $$;
ALTER TABLE documents ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY read_own ON documents FOR SELECT USING (tenant_id = current_tenant());
CREATE POLICY add_own ON documents FOR INSERT WITH CHECK (tenant_id = current_tenant());
CREATE POLICY change_own ON documents FOR UPDATE USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
CREATE POLICY remove_own ON documents FOR DELETE USING (tenant_id = current_tenant());
