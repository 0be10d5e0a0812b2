# Replaces a month's totals with the new batch's: late lines wipe out what was summed before.
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
    UPDATE agg_monthly AS a SET lines = d.lines, revenue = d.revenue
    FROM delta AS d WHERE a.month = d.month;
    INSERT INTO agg_monthly
    SELECT * FROM delta AS d WHERE NOT EXISTS (SELECT 1 FROM agg_monthly AS a WHERE a.month = d.month);
    INSERT INTO agg_batches_done
    SELECT DISTINCT batch_id FROM stg_new_sales WHERE batch_id NOT IN (SELECT batch_id FROM agg_batches_done);
    COMMIT;
    """)
