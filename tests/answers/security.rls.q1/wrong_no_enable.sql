CREATE POLICY tenant_isolation ON documents
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::int)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::int);
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
