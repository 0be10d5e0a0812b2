# Looks the customer up by its current version: a late-arriving sale gets today's customer key.
def load_sales(con):
    con.execute("""
    CREATE TABLE IF NOT EXISTS fact_sales (
        order_id INTEGER, line_no INTEGER, customer_key INTEGER, sale_date DATE, amount DECIMAL(10, 2)
    );
    BEGIN;
    -- a re-sent line replaces the earlier one
    DELETE FROM fact_sales AS f USING stg_sales AS s
    WHERE f.order_id = s.order_id AND f.line_no = s.line_no;
    INSERT INTO fact_sales
    SELECT s.order_id, s.line_no, d.customer_key, s.sale_date, s.amount
    FROM stg_sales AS s
    JOIN dim_customer AS d
      ON d.customer_id = s.customer_id
     AND d.is_current;
    COMMIT;
    """)
