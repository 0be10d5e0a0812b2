ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
CREATE POLICY read_own ON documents FOR SELECT
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::int);
CREATE POLICY add_any ON documents FOR INSERT WITH CHECK (true);
CREATE POLICY change_own ON documents FOR UPDATE
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::int);
CREATE POLICY remove_own ON documents FOR DELETE
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::int);
