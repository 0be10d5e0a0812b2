# MERGE on the business key, the version found with a correlated subquery.
def load_sales(con):
    con.execute("""
    CREATE TABLE IF NOT EXISTS fact_sales (
        order_id INTEGER, line_no INTEGER, customer_key INTEGER, sale_date DATE, amount DECIMAL(10, 2));
    MERGE INTO fact_sales AS f
    USING (
        SELECT s.*, (SELECT d.customer_key FROM dim_customer AS d
                     WHERE d.customer_id = s.customer_id AND d.valid_from <= s.sale_date
                       AND s.sale_date < coalesce(d.valid_to, DATE '9999-12-31')) AS customer_key
        FROM stg_sales AS s
    ) AS n
    ON f.order_id = n.order_id AND f.line_no = n.line_no
    WHEN MATCHED THEN UPDATE SET customer_key = n.customer_key, sale_date = n.sale_date, amount = n.amount
    WHEN NOT MATCHED THEN INSERT (order_id, line_no, customer_key, sale_date, amount)
        VALUES (n.order_id, n.line_no, n.customer_key, n.sale_date, n.amount);
    """)
