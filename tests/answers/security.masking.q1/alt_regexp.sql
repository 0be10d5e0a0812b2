CREATE VIEW customer_contacts AS
SELECT customer_id,
       name,
       city,
       regexp_replace(email, '^(.)[^@]*', '\1***') AS email_masked,
       substring(card_number FROM '\d{4}$') AS card_last4
FROM customers;
REVOKE ALL ON customer_contacts FROM PUBLIC;
GRANT SELECT ON customer_contacts TO support_agent;
