-- rounds to the nearest quarter hour instead of taking the bucket's start
SELECT sensor,
       date_trunc('hour', ts) + INTERVAL 15 MINUTE * CAST(round((minute(ts) + second(ts) / 60.0) / 15) AS INTEGER) AS bucket,
       count(value) AS n, avg(value) AS avg_value, max(value) AS max_value
FROM readings GROUP BY ALL
