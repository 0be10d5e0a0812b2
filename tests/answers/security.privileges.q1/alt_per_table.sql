-- one table at a time, and default privileges named for the owner explicitly
REVOKE SELECT ON customers, products, users, orders, payments, documents FROM PUBLIC;
GRANT SELECT ON TABLE orders TO report_reader;
GRANT SELECT ON TABLE products TO report_reader;
GRANT SELECT (customer_id, name, city, tenant_id) ON TABLE customers TO report_reader;
GRANT USAGE ON SCHEMA reports TO report_reader;
GRANT SELECT ON reports.monthly_sales TO report_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE shop_owner IN SCHEMA reports GRANT SELECT ON TABLES TO report_reader;
