GRANT SELECT ON orders, products TO report_reader;
GRANT SELECT (customer_id, name, city, tenant_id) ON customers TO report_reader;
REVOKE SELECT (email, card_number) ON customers FROM report_reader;
GRANT USAGE ON SCHEMA reports TO report_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA reports TO report_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA reports GRANT SELECT ON TABLES TO report_reader;
