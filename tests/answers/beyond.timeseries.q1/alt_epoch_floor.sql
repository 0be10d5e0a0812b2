-- floor of epoch seconds / 900, turned back into a timestamp
WITH b AS (
    SELECT sensor, value,
           make_timestamp(CAST(floor(epoch_us(ts) / 900000000.0) AS BIGINT) * 900000000) AS bucket
    FROM readings
)
SELECT sensor, bucket, count(value) AS n, avg(value) AS avg_value, max(value) AS max_value
FROM b GROUP BY sensor, bucket
