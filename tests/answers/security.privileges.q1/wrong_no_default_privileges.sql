REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
GRANT SELECT ON orders, products TO report_reader;
GRANT SELECT (customer_id, name, city, tenant_id) ON customers TO report_reader;
GRANT USAGE ON SCHEMA reports TO report_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA reports TO report_reader;
