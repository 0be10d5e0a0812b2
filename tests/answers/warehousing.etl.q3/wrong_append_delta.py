# Appends the delta as new rows: a month that receives late lines appears twice.
def refresh_monthly(con):
    con.execute("""
    CREATE TABLE IF NOT EXISTS agg_monthly (month DATE, lines BIGINT, revenue DECIMAL(18, 2));
    CREATE TABLE IF NOT EXISTS agg_batches_done (batch_id INTEGER);
    BEGIN;
    CREATE OR REPLACE TEMP TABLE delta AS
    SELECT CAST(date_trunc('month', sale_date) AS DATE) AS month, count(*) AS lines, sum(amount) AS revenue
    FROM stg_new_sales
    WHERE batch_id NOT IN (SELECT batch_id FROM agg_batches_done)
    GROUP BY 1;
    INSERT INTO agg_monthly
    SELECT * FROM delta;
    INSERT INTO agg_batches_done
    SELECT DISTINCT batch_id FROM stg_new_sales WHERE batch_id NOT IN (SELECT batch_id FROM agg_batches_done);
    COMMIT;
    """)
