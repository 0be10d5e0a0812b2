# Keeps a high-water mark (batch ids increase) and merges the delta with MERGE.
def refresh_monthly(con):
    con.execute("""
    CREATE TABLE IF NOT EXISTS agg_monthly (month DATE, lines BIGINT, revenue DECIMAL(18, 2));
    CREATE TABLE IF NOT EXISTS agg_watermark AS SELECT 0 AS last_batch;
    """)
    last = con.execute("SELECT max(last_batch) FROM agg_watermark").fetchall()[0][0]
    con.execute(f"""
    MERGE INTO agg_monthly AS a
    USING (SELECT CAST(date_trunc('month', sale_date) AS DATE) AS month, count(*) AS lines, sum(amount) AS revenue
           FROM stg_new_sales WHERE batch_id > {last} GROUP BY 1) AS d
    ON a.month = d.month
    WHEN MATCHED THEN UPDATE SET lines = a.lines + d.lines, revenue = a.revenue + d.revenue
    WHEN NOT MATCHED THEN INSERT VALUES (d.month, d.lines, d.revenue);
    UPDATE agg_watermark SET last_batch = (SELECT greatest({last}, coalesce(max(batch_id), 0)) FROM stg_new_sales);
    """)
