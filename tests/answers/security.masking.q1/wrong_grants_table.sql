CREATE VIEW customer_contacts AS
SELECT customer_id, name, city,
       left(email, 1) || '***@' || split_part(email, '@', 2) AS email_masked,
       right(card_number, 4) AS card_last4
FROM customers;
GRANT SELECT ON customer_contacts, customers TO support_agent;
