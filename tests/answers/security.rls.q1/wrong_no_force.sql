ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON documents
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::int)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::int);
