SELECT sensor, time_bucket(INTERVAL 15 MINUTE, ts) AS bucket, count(*) AS n, avg(value) AS avg_value, max(value) AS max_value
FROM readings GROUP BY ALL
